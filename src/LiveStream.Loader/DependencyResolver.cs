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

        /// <summary>
        /// The resolver for the running .NET: an AssemblyLoadContext on .NET (PowerShell 7), an AssemblyResolve handler
        /// on .NET Framework (Windows PowerShell 5.1). Null when there is no dependencies folder in the module folder
        /// <paramref name="moduleDirectory"/> (a development build, where the dependencies sit beside LiveStream.dll).
        /// </summary>
        public static DependencyResolver? For(string moduleDirectory)
        {
            var folder = DependencyFolder.Open(System.IO.Path.Combine(moduleDirectory, DependencyFolder.FolderName));
            if (folder == null)
            {
                return null;
            }

            return LoadContextResolver.IsSupported
                ? new LoadContextResolver(folder, LoadContextResolver.PlatformDirectory())
                : new AssemblyResolveHandler(folder);
        }

        /// <summary>Starts answering load requests. Calling it again while hooked does nothing.</summary>
        public abstract void Hook();

        public abstract void Unhook();
    }
}
