using System.Text.RegularExpressions;

namespace LiveStream.HelpBuilder;

internal sealed record SyntaxBlock(string? SetName, bool IsDefault, int Line, List<string> ParameterNames);

internal sealed record HelpExample(string Title, int Line, string? Code, List<SourceLine> Introduction, List<SourceLine> Remarks);

internal sealed record YamlBlock(int Line, Dictionary<string, string> Fields);

internal sealed record ParameterHelp(string Name, int Line, List<SourceLine> Description, List<YamlBlock> Metadata);

internal sealed record TypeHelp(string TypeName, List<SourceLine> Description);

internal sealed record RelatedLink(string Text, string Uri);

/// <summary>
/// A cmdlet help page in PlatyPS markdown (the layout of docs/Connect-LiveStream.md): front matter, # name, then
/// SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS.
/// </summary>
internal sealed partial class CommandHelpPage
{
    public static readonly string[] SectionNames =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    public const string CommonParametersHeading = "CommonParameters";

    private CommandHelpPage(string path, MarkdownOutline outline)
    {
        Path = path;
        Outline = outline;
    }

    /// <summary>The path shown in messages (relative to the repository when given so).</summary>
    public string Path { get; }

    public MarkdownOutline Outline { get; }

    public string? Name => Outline.Title;

    public List<SourceLine> Synopsis => Outline.Section("SYNOPSIS")?.Body ?? [];

    public List<SourceLine> Description => Outline.Section("DESCRIPTION")?.Body ?? [];

    public List<SourceLine> Notes => Outline.Section("NOTES")?.Body ?? [];

    public string? OnlineVersion => Outline.FrontMatter.GetValueOrDefault("online version") is { Length: > 0 } uri ? uri : null;

    public List<SyntaxBlock> Syntax { get; } = [];

    public List<HelpExample> Examples { get; } = [];

    public List<ParameterHelp> Parameters { get; } = [];

    public bool HasCommonParameters { get; private set; }

    public List<TypeHelp> Inputs { get; } = [];

    public List<TypeHelp> Outputs { get; } = [];

    public List<RelatedLink> RelatedLinks { get; } = [];

    /// <summary>Whether a markdown file is a cmdlet page (PlatyPS front matter naming the external help file).</summary>
    public static bool IsCommandPage(MarkdownOutline outline) => outline.FrontMatter.ContainsKey("external help file");

    public static CommandHelpPage Parse(string path, MarkdownOutline outline)
    {
        var page = new CommandHelpPage(path, outline);
        if (outline.Section("SYNTAX") is { } syntax)
        {
            if (syntax.Subsections.Count == 0)
            {
                page.Syntax.Add(new SyntaxBlock(null, false, syntax.Line, ParameterNamesIn(syntax.Body)));
            }

            foreach (var block in syntax.Subsections)
            {
                var isDefault = block.Title.EndsWith("(Default)", StringComparison.Ordinal);
                var setName = isDefault ? block.Title[..^"(Default)".Length].Trim() : block.Title;
                page.Syntax.Add(new SyntaxBlock(setName, isDefault, block.Line, ParameterNamesIn(block.Body)));
            }
        }

        foreach (var example in outline.Section("EXAMPLES")?.Subsections ?? [])
        {
            page.Examples.Add(ReadExample(example));
        }

        foreach (var parameter in outline.Section("PARAMETERS")?.Subsections ?? [])
        {
            if (parameter.Title == CommonParametersHeading)
            {
                page.HasCommonParameters = true;
                continue;
            }

            page.Parameters.Add(ReadParameter(parameter));
        }

        page.Inputs.AddRange(ReadTypes(outline.Section("INPUTS")));
        page.Outputs.AddRange(ReadTypes(outline.Section("OUTPUTS")));
        foreach (var line in outline.Section("RELATED LINKS")?.Body ?? [])
        {
            foreach (Match link in Link().Matches(line.Text))
            {
                page.RelatedLinks.Add(new RelatedLink(link.Groups["text"].Value, link.Groups["uri"].Value));
            }
        }

        return page;
    }

    private static List<string> ParameterNamesIn(List<SourceLine> body) =>
        ParameterName().Matches(string.Join(" ", body.Select(line => line.Text)))
            .Select(match => match.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static HelpExample ReadExample(OutlineSection example)
    {
        var introduction = new List<SourceLine>();
        var remarks = new List<SourceLine>();
        string? code = null;
        List<string>? codeLines = null;
        foreach (var line in example.Body)
        {
            if (MarkdownOutline.IsFence(line.Text))
            {
                if (codeLines == null && code == null)
                {
                    codeLines = [];
                }
                else if (codeLines != null)
                {
                    code = string.Join("\n", codeLines);
                    codeLines = null;
                }
                else
                {
                    remarks.Add(line);
                }

                continue;
            }

            if (codeLines != null)
            {
                codeLines.Add(line.Text);
            }
            else if (code == null)
            {
                introduction.Add(line);
            }
            else
            {
                remarks.Add(line);
            }
        }

        return new HelpExample(example.Title, example.Line, code, introduction, remarks);
    }

    private static ParameterHelp ReadParameter(OutlineSection section)
    {
        var description = new List<SourceLine>();
        var metadata = new List<YamlBlock>();
        Dictionary<string, string>? fields = null;
        var blockLine = 0;
        foreach (var line in section.Body)
        {
            if (MarkdownOutline.IsFence(line.Text))
            {
                if (fields == null)
                {
                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    blockLine = line.Number;
                }
                else
                {
                    metadata.Add(new YamlBlock(blockLine, fields));
                    fields = null;
                }

                continue;
            }

            if (fields != null)
            {
                var colon = line.Text.IndexOf(':');
                if (colon > 0)
                {
                    fields[line.Text[..colon].Trim()] = line.Text[(colon + 1)..].Trim();
                }
            }
            else if (metadata.Count == 0)
            {
                description.Add(line);
            }
        }

        var name = section.Title.StartsWith('-') ? section.Title[1..] : section.Title;
        return new ParameterHelp(name, section.Line, description, metadata);
    }

    private static IEnumerable<TypeHelp> ReadTypes(OutlineSection? section) =>
        (section?.Subsections ?? []).Select(type => new TypeHelp(type.Title, type.Body));

    [GeneratedRegex(@"(?<![\w-])-([A-Za-z]\w*)")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)")]
    private static partial Regex Link();
}
