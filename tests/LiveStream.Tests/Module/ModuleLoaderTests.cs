using System.Reflection;
using LiveStream.Loading;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The rules of the module's loader, on the files of the packaged dependencies folder. How the loader behaves in a
/// real import is in PackagedModuleTests.
/// </summary>
public sealed class ModuleLoaderTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("livestream-loader-").FullName;

    private static DependencyFolder Dependencies => DependencyFolder.Of(PackagedModule.Folder)!;

    [Fact]
    public void The_folder_answers_a_request_for_its_version_or_a_lower_one_and_nothing_else()
    {
        var folder = Dependencies;

        Assert.Equal(Path.Combine(folder.Path, "System.Text.Json.dll"),
            folder.Find(new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"))?.Path);
        Assert.NotNull(folder.Find(new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1")));
        Assert.NotNull(folder.Find(new AssemblyName("LiveStream.Core")));
        Assert.Null(folder.Find(new AssemblyName("System.Text.Json, Version=9.0.0.0")));
        Assert.Null(folder.Find(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0")));
    }

    [Fact]
    public void The_packaged_folder_gets_a_load_context_on_NET_and_an_AssemblyResolve_handler_on_NET_Framework()
    {
        Assert.IsType<LoadContextResolver>(DependencyResolver.For(PackagedModule.Folder, hasLoadContexts: true));
        Assert.IsType<AssemblyResolveHandler>(DependencyResolver.For(PackagedModule.Folder, hasLoadContexts: false));
    }

    [Fact]
    public void A_development_build_needs_no_resolver_on_NET_and_gets_one_for_its_own_folder_on_NET_Framework()
    {
        // The development layout: every assembly beside LiveStream.dll, no dependencies folder.
        foreach (var file in Directory.GetFiles(PackagedModule.Folder, "*.dll", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        }

        Assert.Null(DependencyResolver.For(_scratch, hasLoadContexts: true));
        var handler = Assert.IsType<AssemblyResolveHandler>(DependencyResolver.For(_scratch, hasLoadContexts: false));
        // System.Memory asks for this version of Unsafe; the folder has 6.0.0.0.
        var unsafeAssembly = handler.Answer(new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1"), requestingAssembly: null);
        Assert.Equal(Path.Combine(_scratch, "System.Runtime.CompilerServices.Unsafe.dll"), unsafeAssembly?.Path);
    }

    [Fact]
    public void On_NET_the_module_loads_privately_what_the_platform_lacks_or_ships_older_and_takes_the_platform_s_newer_ones()
    {
        var onThisRuntime = new LoadContextResolver(Dependencies, LoadContextResolver.PlatformDirectory());
        var privately = Dependencies.Assemblies.Where(onThisRuntime.IsPrivate).Select(assembly => assembly.Name.Name).Order();
        Assert.Equal(["LiveStream.Core", "Microsoft.Bcl.AsyncInterfaces"], privately);

        // A .NET whose System.Text.Json is older than the module's (7.0 here; PowerShell 7.2 and 7.3 ship 6 and 7).
        File.Copy(PackagedModule.ConflictingJson, Path.Combine(_scratch, "System.Text.Json.dll"));
        var olderPlatform = new LoadContextResolver(Dependencies, _scratch);
        Assert.True(olderPlatform.IsPrivate(Dependencies.Find(new AssemblyName("System.Text.Json"))!));
    }

    [Fact]
    public void On_NET_Framework_the_handler_answers_only_the_module_s_own_requests()
    {
        var handler = new AssemblyResolveHandler(Dependencies);
        var json = new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");

        Assert.NotNull(handler.Answer(json, requestingAssembly: null));
        Assert.Null(handler.Answer(json, typeof(Assert).Assembly));
        Assert.Null(handler.Answer(new AssemblyName("LiveStream.Core.resources, Culture=de"), requestingAssembly: null));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
