using System.Reflection;
using System.Runtime.Loader;
using LiveStream.HelpBuilder;

// LiveStream.HelpBuilder --module <LiveStream.dll> --references <file: one assembly path a line> --docs <docs folder>
//                        --output <folder for LiveStream.dll-Help.xml and about_*.help.txt> [--docs-label <path shown in errors>]
// Exit code 1, with one MSBuild-format error per problem, when a page does not match its cmdlet.
var options = ParseOptions(args);
if (options == null)
{
    Console.Error.WriteLine("usage: LiveStream.HelpBuilder --module <dll> --references <file> --docs <folder> --output <folder> [--docs-label <path>]");
    return 2;
}

var references = File.ReadAllLines(options["references"])
    .Where(line => line.Length > 0)
    .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
    .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
AssemblyLoadContext.Default.Resolving += (context, name) =>
    name.Name != null && references.TryGetValue(name.Name, out var path) ? context.LoadFromAssemblyPath(path) : null;

var module = Assembly.LoadFrom(options["module"]);
var builder = new HelpBuilder(options["docs"], options.GetValueOrDefault("docs-label") ?? options["docs"],
    Path.GetFileName(options["module"]) + "-Help.xml", Path.GetFileNameWithoutExtension(options["module"]));
var problems = builder.Build(CmdletSignature.ReadAll(module), options["output"]);
foreach (var problem in problems)
{
    Console.Out.WriteLine(problem);
}

return problems.Count == 0 ? 0 : 1;

static Dictionary<string, string>? ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var index = 0; index + 1 < args.Length; index += 2)
    {
        if (!args[index].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        options[args[index][2..]] = args[index + 1];
    }

    return new[] { "module", "references", "docs", "output" }.All(options.ContainsKey) ? options : null;
}
