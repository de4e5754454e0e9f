using System.IO.Compression;
using System.Net.Http.Json;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma;
using LiveStream.Loading;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The module as users install it: the folder and zip the Package target assembled at build time, imported by a
/// process of its own (LiveStream.PackageHost) that first loads another System.Text.Json. The process runs
/// Packaging/PackagedModule.ps1 once for the class; each test checks what it reported.
/// </summary>
public sealed class PackagedModuleTests(PackagedModuleTests.PackagedRun run) : IClassFixture<PackagedModuleTests.PackagedRun>
{
    private static readonly string[] TopLevelAssemblies = ["LiveStream.dll", "LiveStream.Loader.dll"];

    [Fact]
    public void The_package_folder_keeps_the_cmdlets_on_top_and_every_dependency_in_dependencies()
    {
        var folder = PackagedModule.Folder;

        Assert.Equal(ModuleVersion(), Path.GetFileName(folder));
        Assert.Equal(["LICENSE", "LiveStream.Loader.dll", "LiveStream.dll", "LiveStream.format.ps1xml", "LiveStream.psd1", "LiveStream.types.ps1xml"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var aboutTopics = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "docs"), "about_*.md")
            .Select(page => Path.GetFileNameWithoutExtension(page) + ".help.txt");
        Assert.Equal(aboutTopics.Append("LiveStream.dll-Help.xml").Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(folder, "en-US")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("about_LiveStream.help.txt", aboutTopics);
        var dependencies = Directory.GetFiles(Path.Combine(folder, "dependencies")).Select(Path.GetFileName).ToList();
        Assert.Contains("LiveStream.Core.dll", dependencies);
        Assert.Contains("System.Text.Json.dll", dependencies);
        Assert.All(dependencies, file => Assert.EndsWith(".dll", file));
        var json = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(folder, "dependencies", "System.Text.Json.dll"));
        Assert.Equal(new Version(8, 0, 0, 0), json.Version);
    }

    [Fact]
    public void The_zip_holds_one_LiveStream_folder_with_the_packaged_files_and_no_version_folder()
    {
        using var zip = ZipFile.OpenRead(PackagedModule.Zip);

        var entries = zip.Entries.Where(entry => entry.Length > 0 || !entry.FullName.EndsWith('/')).Select(entry => entry.FullName).ToList();
        var packaged = Directory.GetFiles(PackagedModule.Folder, "*", SearchOption.AllDirectories)
            .Select(file => "LiveStream/" + Path.GetRelativePath(PackagedModule.Folder, file).Replace('\\', '/'));
        Assert.Equal(packaged.Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
        Assert.Contains("LiveStream/LiveStream.psd1", entries);
        Assert.Contains("LiveStream/dependencies/LiveStream.Core.dll", entries);
        Assert.Contains("LiveStream/en-US/LiveStream.dll-Help.xml", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("LiveStream/" + ModuleVersion(), StringComparison.Ordinal));
        // Azure Automation cannot import a module file whose path is longer than 140 characters.
        Assert.All(entries, entry => Assert.True(entry.Length < 140, entry));
    }

    [Fact]
    public void On_NET_Framework_every_reference_between_the_module_assemblies_is_answered_by_the_resolver()
    {
        // Windows PowerShell 5.1 cannot run here; this checks what its AssemblyResolve handler would be asked. Every
        // reference of LiveStream.dll and of the dependencies is netstandard or PowerShell (given by the host), or is
        // answered with a file of dependencies/ in the same or a higher version.
        var folder = DependencyFolder.Of(PackagedModule.Folder)!;
        var handler = new AssemblyResolveHandler(folder);
        var cmdlets = System.Reflection.Assembly.LoadFile(Path.Combine(PackagedModule.Folder, "LiveStream.dll"));
        var files = TopLevelAssemblies.Select(name => Path.Combine(PackagedModule.Folder, name)).Concat(folder.Assemblies.Select(assembly => assembly.Path));
        var answered = 0;
        foreach (var file in files)
        {
            foreach (var reference in ReferencesOf(file).Where(reference => reference.Name is not ("netstandard" or "System.Management.Automation")))
            {
                var answer = handler.Answer(reference, cmdlets);
                Assert.True(answer != null, $"{Path.GetFileName(file)} needs {reference.FullName}, which dependencies/ does not answer.");
                Assert.Equal(reference.Name, answer!.Name.Name);
                answered++;
            }
        }

        Assert.True(answered >= 10, $"only {answered} references");
        Assert.Null(handler.Answer(new System.Reflection.AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), cmdlets));
        Assert.Null(handler.Answer(new System.Reflection.AssemblyName("System.Text.Json, Version=9.0.0.0"), cmdlets));
        Assert.Null(handler.Answer(new System.Reflection.AssemblyName("System.Text.Json, Version=8.0.0.0"), typeof(FactAttribute).Assembly));
    }

    [Fact]
    public void The_packaged_module_imports_without_warning_and_runs_after_another_System_Text_Json_was_loaded()
    {
        Assert.Empty(run.Host.Errors);
        Assert.Empty(run.Host.Warnings);
        Assert.Equal("true", run.Host.Value("done"));
        // In the default context .NET keeps its own System.Text.Json: the other version's LoadFrom gets the platform's.
        Assert.Equal($"{PlatformJson.GetName().Version}|Default", run.Host.Value("conflict.default"));
        Assert.Equal("7.0.0.0|OtherModule", run.Host.Value("conflict.other"));
        Assert.Equal("0", run.Host.Value("import.warnings"));
        Assert.Equal(PackagedModule.Folder, run.Host.Value("import.base"));
        Assert.Equal(ManifestCmdlets.Exported.Order(), run.Host.Value("import.cmdlets").Split(',').Order());
        Assert.Equal("first|Sigma", run.Host.Value("connected"));
        Assert.Equal([$"{run.SessionId}|live"], run.Host.Values("session"));
        Assert.Equal(["initialize|" + SigmaMessages.Initialize, "start|" + SigmaMessages.Start, "stable|" + SigmaMessages.Stable],
            run.Host.Values("event"));
        Assert.Equal(["first"], run.Host.Values("listed"));
        Assert.Contains("/api/livestream/sessions", run.RequestPaths);
        Assert.Contains("/api/livestream/events", run.RequestPaths);
    }

    [Fact]
    public void LiveStream_Core_is_loaded_once_into_the_module_s_own_load_context()
    {
        var dependencies = Path.Combine(PackagedModule.Folder, "dependencies");

        Assert.Equal($"LiveStream|{Path.Combine(dependencies, "LiveStream.Core.dll")}", run.Host.Value("core"));
        Assert.Equal("Default", run.Host.Value("cmdlets"));
        // Once, after a second runspace, a RunspacePool and Remove-Module + Import-Module in the same process too.
        Assert.Equal("1", run.Host.Value("core.count"));
        Assert.Equal("again|True", run.Host.Value("reimported"));
        // The module's context holds what .NET does not ship itself; System.Text.Json comes from the platform, which
        // ships a newer one than the module's 8.0.
        Assert.Equal(["LiveStream.Core", "Microsoft.Bcl.AsyncInterfaces"], run.Host.Value("module.context").Split(',').Order());
        Assert.Equal($"{PlatformJson.GetName().Version}|Default", run.Host.Value("core.json"));
        Assert.Equal($"LiveStream|{Path.Combine(dependencies, "Microsoft.Bcl.AsyncInterfaces.dll")}", run.Host.Value("core.asyncinterfaces"));
    }

    [Fact]
    public void Runspaces_and_RunspacePool_runspaces_of_one_process_keep_separate_connections()
    {
        Assert.Equal("0", run.Host.Value("second.connections"));
        var pool = run.Host.Values("pool").Select(line => line.Split('|')).ToList();
        Assert.Equal(2, pool.Count);
        Assert.All(pool, job => Assert.Equal(job[0], job[1]));
        Assert.NotEqual(pool[0][2], pool[1][2]);
        Assert.Empty(run.Host.Values("pool.error"));
        Assert.Empty(run.Host.Values("runspace.error"));
    }

    [Fact]
    public void Test_ModuleManifest_passes_on_the_packaged_folder_with_project_license_and_release_notes_and_no_updatable_help_it_cannot_serve()
    {
        Assert.Equal($"LiveStream|{ModuleVersion()}|0", run.Host.Value("manifest"));
        Assert.Equal(string.Empty, run.Host.Value("manifest.helpinfouri"));
        Assert.StartsWith("https://", run.Host.Value("manifest.projecturi"));
        Assert.StartsWith("https://", run.Host.Value("manifest.licenseuri"));
        Assert.Equal("True", run.Host.Value("manifest.releasenotes"));
    }

    [Fact]
    public void Get_Help_reads_the_cmdlet_help_and_the_about_topic_of_the_packaged_folder()
    {
        Assert.Equal("Connects this PowerShell session to a Sigma Livestream app or a Theta EdgeCloud service account.|3",
            run.Host.Value("help"));
        Assert.Equal("True", run.Host.Value("about"));
    }

    [Fact]
    public void With_the_package_on_PSModulePath_a_fresh_runspace_finds_every_cmdlet_by_name_and_autoloads_the_module()
    {
        Assert.Equal(ManifestCmdlets.Exported.Order().Select(name => $"{name}|LiveStream|{PackagedModule.Folder}"),
            run.Host.Values("found").Order());
        Assert.Equal(PackagedModule.Folder, run.Host.Value("autoloaded"));
    }

    private static System.Reflection.Assembly PlatformJson => typeof(System.Text.Json.JsonSerializer).Assembly;

    private static string ModuleVersion() =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(PsRunspace.ManifestPath), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;

    private static IEnumerable<System.Reflection.AssemblyName> ReferencesOf(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }

    /// <summary>The emulator with one live Sigma session, and one run of PackagedModule.ps1 against it.</summary>
    public sealed class PackagedRun : IAsyncLifetime
    {
        private readonly EmulatorFixture _emulator = new();

        public HostRun Host { get; private set; } = null!;

        public string SessionId { get; private set; } = string.Empty;

        public List<string> RequestPaths { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await _emulator.InitializeAsync();
            SessionId = await PublishOnNewChannelAsync();
            _emulator.State.ClearRequests();
            var variables = new Dictionary<string, string>
            {
                ["manifest"] = PackagedModule.Manifest,
                ["packageRoot"] = PackagedModule.Root,
                ["conflictingJson"] = PackagedModule.ConflictingJson,
                ["baseUri"] = _emulator.BaseUri.ToString(),
                ["appId"] = _emulator.Sigma.AppId,
                ["user"] = _emulator.Sigma.UserName,
                ["secret"] = _emulator.Sigma.SecretKey,
            };
            var script = Path.Combine(AppContext.BaseDirectory, "Packaging", "PackagedModule.ps1");
            Host = await Task.Run(() => PackagedModule.RunScript(script, variables, TimeSpan.FromMinutes(2)));
            RequestPaths = _emulator.Requests().Select(request => request.Path).ToList();
        }

        public Task DisposeAsync() => _emulator.DisposeAsync();

        /// <summary>A started channel in the emulator's Sigma store, and an encoder publishing on it: a live session.</summary>
        private async Task<string> PublishOnNewChannelAsync()
        {
            var streamToken = "packaged-" + Guid.NewGuid().ToString("N");
            var store = _emulator.State.Sigma;
            lock (store.Gate)
            {
                store.Channels.Add(new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["name"] = "Packaged module channel",
                    ["status"] = "active",
                    ["appId"] = _emulator.Sigma.AppId,
                    ["input"] = new JsonObject { ["rtmpServer"] = "rtmp://127.0.0.1/livestream", ["streamToken"] = streamToken },
                });
            }

            var published = await _emulator.Control.PostAsJsonAsync("_emulator/sigma/publish", new { streamToken });
            published.EnsureSuccessStatusCode();
            var session = await published.Content.ReadFromJsonAsync<JsonObject>();
            return (string)session!["id"]!;
        }
    }
}
