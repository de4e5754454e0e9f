namespace LiveStream.Loading
{
    /// <summary>
    /// Makes the assemblies of the module's <c>dependencies</c> folder reachable without letting them collide with
    /// other versions of the same assemblies that other modules (Az.Accounts, for one) bring into the process.
    /// </summary>
    internal abstract class DependencyResolver
    {
        protected DependencyResolver(DependencyFolder folder)
        {
            Folder = folder;
        }

        protected DependencyFolder Folder { get; }

        /// <summary>The resolver for the running .NET and the module folder <paramref name="moduleDirectory"/>.</summary>
        public static DependencyResolver? For(string moduleDirectory) => For(moduleDirectory, LoadContextResolver.IsSupported);

        /// <summary>
        /// On .NET (PowerShell 7), an AssemblyLoadContext for the dependencies folder; none for a development build,
        /// whose dependencies sit beside LiveStream.dll, where PowerShell finds them. On .NET Framework (Windows
        /// PowerShell 5.1), an AssemblyResolve handler for the dependencies folder, or in a development build for the
        /// module folder itself: the version gaps between the netstandard packages need it in both layouts.
        /// </summary>
        internal static DependencyResolver? For(string moduleDirectory, bool hasLoadContexts)
        {
            var folder = DependencyFolder.Of(moduleDirectory);
            if (hasLoadContexts)
            {
                return folder == null ? null : new LoadContextResolver(folder, LoadContextResolver.PlatformDirectory());
            }

            folder ??= DependencyFolder.Open(moduleDirectory, moduleDirectory);
            return folder == null ? null : new AssemblyResolveHandler(folder);
        }

        /// <summary>Starts answering load requests. Calling it again while hooked does nothing.</summary>
        public abstract void Hook();

        public abstract void Unhook();
    }
}
