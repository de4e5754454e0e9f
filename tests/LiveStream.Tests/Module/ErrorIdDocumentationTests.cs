using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using LiveStream.Commands;
using LiveStream.Http;

namespace LiveStream.Tests;

/// <summary>Every ErrorId a cmdlet can emit is in the ErrorId tables of design.md and about_LiveStream, with its category.</summary>
public sealed class ErrorIdDocumentationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_ErrorId_in_src_is_documented_with_its_category_in_design_md_and_about_LiveStream()
    {
        var emitted = ErrorIdsInSource().Concat(ErrorIdsOfApiErrorKinds()).Distinct().ToList();
        Assert.Contains(("LiveStream.InvalidId", "InvalidArgument"), emitted);
        Assert.Contains(("LiveStream.OutcomeUnknown", "OperationStopped"), emitted);

        var missing = new List<string>();
        foreach (var doc in new[] { "docs/design.md", "docs/about_LiveStream.md" })
        {
            var rows = DocumentedRows(File.ReadAllText(Path.Combine(Root, doc)));
            missing.AddRange(emitted.Where(pair => !rows.Contains(pair)).Select(pair => $"{doc}: | {pair.Id} | {pair.Category} |"));
        }

        Assert.True(missing.Count == 0, "undocumented ErrorIds:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// "LiveStream.X" literals and ErrorIds constants in the module's sources, each with the ErrorCategory its record is
    /// given.
    /// </summary>
    private static List<(string Id, string Category)> ErrorIdsInSource()
    {
        var literal = new Regex("\"(LiveStream\\.[A-Z][A-Za-z]+)\"");
        var withCategory = new Regex("\"(LiveStream\\.[A-Z][A-Za-z]+)\"(?:(?!\"LiveStream\\.|\\);).)*?ErrorCategory\\.([A-Za-z]+)", RegexOptions.Singleline);
        string[] assemblyNames = ["LiveStream.Core", "LiveStream.Loader", "LiveStream.Tests"];
        var constants = typeof(LiveStreamCmdlet).Assembly.GetType("LiveStream.Commands.ErrorIds", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);
        var found = new List<(string, string)>();
        foreach (var file in new[] { "src/LiveStream", "src/LiveStream.Core" }
                     .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
                     .Where(file => !file.Contains("/obj/") && !file.Contains("/bin/") && Path.GetFileName(file) != "ErrorIds.cs"))
        {
            var text = Regex.Replace(File.ReadAllText(file), @"\bErrorIds\.([A-Za-z]+)\b",
                match => "\"" + constants[match.Groups[1].Value] + "\"");
            var ids = literal.Matches(text).Select(match => match.Groups[1].Value).Except(assemblyNames).ToHashSet();
            var categorized = withCategory.Matches(text).Select(match => (match.Groups[1].Value, match.Groups[2].Value)).ToList();
            Assert.True(ids.SetEquals(categorized.Select(pair => pair.Item1)),
                $"{file}: an ErrorId literal without an ErrorCategory before the end of its call: {string.Join(", ", ids)}");
            found.AddRange(categorized);
        }

        return found;
    }

    /// <summary>The records made from vendor failures: LiveStream.{ApiErrorKind}, with the category the cmdlets give it.</summary>
    private static IEnumerable<(string Id, string Category)> ErrorIdsOfApiErrorKinds()
    {
        var categoryOf = typeof(LiveStreamCmdlet).GetMethod("CategoryOf", BindingFlags.NonPublic | BindingFlags.Static)!;
        return Enum.GetValues<ApiErrorKind>().Select(kind =>
            (new LiveStreamApiException(kind, "GET /", null, null, "m").ErrorId, ((ErrorCategory)categoryOf.Invoke(null, [kind])!).ToString()));
    }

    private static HashSet<(string, string)> DocumentedRows(string markdown) =>
        Regex.Matches(markdown, @"^\|\s*`?(LiveStream\.[A-Za-z]+)`?\s*\|\s*([A-Za-z]+)\s*\|", RegexOptions.Multiline)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value)).ToHashSet();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LiveStream.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("LiveStream.sln not found above " + AppContext.BaseDirectory);
    }
}
