using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LiveStream.Loading
{
    /// <summary>
    /// Runs when PowerShell imports or removes the module: installs the dependency resolver for the running .NET while
    /// any runspace has the module imported. The manifest lists LiveStream.Loader.dll in NestedModules, which PowerShell
    /// imports before the RootModule LiveStream.dll; it must, because reading the cmdlet types of LiveStream.dll already
    /// loads LiveStream.Core (a parameter of an enum type from Core is enough). A process loads the module's
    /// assemblies once; every runspace that imports the module after that (Azure Automation jobs in one worker process)
    /// shares them.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static readonly HashSet<Guid> ImportingRunspaces = new HashSet<Guid>();
        private static DependencyResolver? _resolver;
        private static bool _resolverSought;

        public void OnImport()
        {
            lock (Gate)
            {
                if (!_resolverSought)
                {
                    _resolver = DependencyResolver.For(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty);
                    _resolverSought = true;
                }

                if (_resolver == null)
                {
                    return;
                }

                ImportingRunspaces.Add(CurrentRunspaceId());
                _resolver.Hook();
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                ImportingRunspaces.Remove(CurrentRunspaceId());
                if (ImportingRunspaces.Count == 0)
                {
                    _resolver?.Unhook();
                }
            }
        }

        private static Guid CurrentRunspaceId() => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;
    }
}
