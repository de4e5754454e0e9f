using System;
using System.Reflection;

namespace LiveStream.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework): answers AppDomain.AssemblyResolve with a file of the dependencies folder,
    /// and only when the module itself asked (or the runtime does not say who asked) for an assembly that the folder has
    /// in the same or a higher version.
    /// </summary>
    /// <remarks>
    /// .NET Framework loads two versions of a strong-named assembly side by side, so another module's
    /// System.Text.Json does not collide with ours; what fails without this handler is finding ours at all (they are
    /// not in PowerShell's probing path) and the version gaps between the netstandard packages themselves, which an
    /// application would close with binding redirects (System.Memory asks for System.Runtime.CompilerServices.Unsafe
    /// 4.0.4.1, the folder holds 6.0.0.0).
    /// </remarks>
    internal sealed class AssemblyResolveHandler : DependencyResolver
    {
        private readonly object _gate = new object();
        private bool _hooked;

        public AssemblyResolveHandler(DependencyFolder folder)
            : base(folder)
        {
        }

        public override void Hook()
        {
            lock (_gate)
            {
                if (!_hooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                    _hooked = true;
                }
            }
        }

        public override void Unhook()
        {
            lock (_gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _hooked = false;
            }
        }

        /// <summary>The file to load for a request, or null when the request is not ours to answer.</summary>
        internal PrivateAssembly? Answer(AssemblyName requested, Assembly? requestingAssembly)
        {
            if (requestingAssembly != null && !Folder.IsModuleAssembly(requestingAssembly))
            {
                return null;
            }

            return Folder.Find(requested);
        }

        private Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var answer = Answer(new AssemblyName(args.Name), args.RequestingAssembly);
            return answer == null ? null : Assembly.LoadFrom(answer.Path);
        }
    }
}
