using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace LiveStream.Loading
{
    /// <summary>
    /// PowerShell 7 (.NET): LiveStream.Core and the private dependencies load into a module-owned AssemblyLoadContext
    /// named "LiveStream", once per process; the default context (where PowerShell loads LiveStream.dll) is answered
    /// for LiveStream.Core only, so the cmdlets and PowerShell share the one LiveStream.Core and its types.
    /// </summary>
    /// <remarks>
    /// A dependency goes into the module's context unless the running .NET ships the same assembly (in its shared
    /// framework folder) in the same or a newer version; then the framework's copy is used, as the .NET host resolves
    /// an application's own copy against the framework's. Framework assemblies cannot be displaced in the default
    /// context by another module (a load of another version yields the framework's), and the netstandard builds of
    /// System.Memory, System.Buffers, System.Numerics.Vectors and the like only re-implement types the runtime owns
    /// (a second Span&lt;T&gt;). Everything else in the folder (LiveStream.Core always; System.Text.Json and its
    /// encoders on a .NET older than the module's copy; assemblies .NET does not ship) is loaded into the module's
    /// context up front, which is where LiveStream.Core's references are bound first.
    ///
    /// Reached through reflection: the module targets netstandard2.0, which has no AssemblyLoadContext, and must also
    /// load on .NET Framework, which has none.
    /// </remarks>
    internal sealed class LoadContextResolver : DependencyResolver
    {
        public const string ContextName = "LiveStream";
        public const string CoreAssemblyName = "LiveStream.Core";

        private static readonly Type? ContextType =
            typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);

        private readonly object _gate = new object();
        private readonly string? _platformDirectory;
        private Assembly? _core;
        private Delegate? _handler;

        public LoadContextResolver(DependencyFolder folder, string? platformDirectory)
            : base(folder)
        {
            _platformDirectory = platformDirectory;
        }

        public static bool IsSupported => ContextType != null;

        /// <summary>The private assemblies now in the module's context, by simple name (after <see cref="Hook"/>).</summary>
        public IReadOnlyDictionary<string, Assembly> Loaded { get; private set; } = new Dictionary<string, Assembly>();

        /// <summary>The shared framework folder of the running .NET (where System.Private.CoreLib lives).</summary>
        public static string? PlatformDirectory()
        {
            var location = typeof(object).Assembly.Location;
            return string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
        }

        public override void Hook()
        {
            lock (_gate)
            {
                if (_core == null)
                {
                    LoadPrivateAssemblies();
                }

                if (_handler == null)
                {
                    var resolving = ContextType!.GetEvent("Resolving")!;
                    _handler = Delegate.CreateDelegate(resolving.EventHandlerType!, this,
                        typeof(LoadContextResolver).GetMethod(nameof(ResolveCore), BindingFlags.NonPublic | BindingFlags.Instance)!);
                    resolving.AddEventHandler(DefaultContext(), _handler);
                }
            }
        }

        public override void Unhook()
        {
            lock (_gate)
            {
                if (_handler != null)
                {
                    ContextType!.GetEvent("Resolving")!.RemoveEventHandler(DefaultContext(), _handler);
                    _handler = null;
                }
            }
        }

        /// <summary>Whether the module loads <paramref name="assembly"/> itself rather than using the framework's.</summary>
        internal bool IsPrivate(PrivateAssembly assembly)
        {
            if (string.Equals(assembly.Name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase) || _platformDirectory == null)
            {
                return true;
            }

            var platformFile = Path.Combine(_platformDirectory, assembly.Name.Name + ".dll");
            return !File.Exists(platformFile) || AssemblyName.GetAssemblyName(platformFile).Version < assembly.Name.Version;
        }

        private void LoadPrivateAssemblies()
        {
            var context = ContextType!.GetConstructor(new[] { typeof(string), typeof(bool) })!
                .Invoke(new object[] { ContextName, false });
            var loadFromPath = ContextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            var loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
            foreach (var assembly in Folder.Assemblies)
            {
                if (IsPrivate(assembly))
                {
                    loaded[assembly.Name.Name] = (Assembly)loadFromPath.Invoke(context, new object[] { assembly.Path })!;
                }
            }

            if (!loaded.TryGetValue(CoreAssemblyName, out var core))
            {
                throw new FileNotFoundException(
                    $"The LiveStream module is incomplete: {CoreAssemblyName}.dll is missing from {Folder.Path}. Reinstall the module.");
            }

            Loaded = loaded;
            _core = core;
        }

        private static object DefaultContext() => ContextType!.GetProperty("Default")!.GetValue(null)!;

        // Signature of Func<AssemblyLoadContext, AssemblyName, Assembly?>, the Resolving event's delegate.
        private Assembly? ResolveCore(object context, AssemblyName requested)
        {
            var core = _core;
            if (core == null || !string.Equals(requested.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return requested.Version == null || core.GetName().Version >= requested.Version ? core : null;
        }
    }
}
