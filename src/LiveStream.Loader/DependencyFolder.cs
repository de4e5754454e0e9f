using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LiveStream.Loading
{
    /// <summary>
    /// The module's private assemblies: every .dll in the <c>dependencies</c> folder of the module folder (in a
    /// development build, the module folder itself), by simple name. The folder answers only for its own files, and
    /// only when its file is at least the version asked for.
    /// </summary>
    internal sealed class DependencyFolder
    {
        public const string FolderName = "dependencies";

        private readonly Dictionary<string, PrivateAssembly> _assemblies;

        private DependencyFolder(string path, string moduleDirectory, Dictionary<string, PrivateAssembly> assemblies)
        {
            Path = System.IO.Path.GetFullPath(path);
            ModuleDirectory = System.IO.Path.GetFullPath(moduleDirectory);
            _assemblies = assemblies;
        }

        public string Path { get; }

        /// <summary>The module folder: where LiveStream.dll and LiveStream.Loader.dll are.</summary>
        public string ModuleDirectory { get; }

        public IReadOnlyCollection<PrivateAssembly> Assemblies => _assemblies.Values;

        /// <summary>The dependencies folder of <paramref name="moduleDirectory"/>; null when it has none.</summary>
        public static DependencyFolder? Of(string moduleDirectory) =>
            Open(System.IO.Path.Combine(moduleDirectory, FolderName), moduleDirectory);

        public static DependencyFolder? Open(string path, string moduleDirectory)
        {
            if (!Directory.Exists(path))
            {
                return null;
            }

            var assemblies = Directory.GetFiles(path, "*.dll")
                .Select(file => new PrivateAssembly(AssemblyName.GetAssemblyName(file), file))
                .ToDictionary(assembly => assembly.Name.Name, StringComparer.OrdinalIgnoreCase);
            return new DependencyFolder(path, moduleDirectory, assemblies);
        }

        /// <summary>The file that satisfies <paramref name="requested"/>: same simple name, same or higher version.</summary>
        public PrivateAssembly? Find(AssemblyName requested)
        {
            if (requested.Name == null || !_assemblies.TryGetValue(requested.Name, out var own))
            {
                return null;
            }

            return requested.Version == null || own.Name.Version >= requested.Version ? own : null;
        }

        /// <summary>Whether <paramref name="assembly"/> is the module's own: loaded from this folder or the module folder.</summary>
        public bool IsModuleAssembly(Assembly assembly)
        {
            if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
            {
                return false;
            }

            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(assembly.Location));
            return SamePath(directory, Path) || SamePath(directory, ModuleDirectory);
        }

        private static bool SamePath(string? left, string? right) =>
            left != null && right != null &&
            string.Equals(left.TrimEnd(System.IO.Path.DirectorySeparatorChar), right.TrimEnd(System.IO.Path.DirectorySeparatorChar),
                StringComparison.OrdinalIgnoreCase);
    }

    internal sealed class PrivateAssembly
    {
        public PrivateAssembly(AssemblyName name, string path)
        {
            Name = name;
            Path = path;
        }

        public AssemblyName Name { get; }

        public string Path { get; }
    }
}
