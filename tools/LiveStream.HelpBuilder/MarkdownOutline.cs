namespace LiveStream.HelpBuilder;

/// <summary>One line of a markdown file with its 1-based line number.</summary>
internal readonly record struct SourceLine(int Number, string Text);

/// <summary>A heading (## or ###) and the lines under it up to the next heading of the same or a higher level.</summary>
internal sealed class OutlineSection(string title, int line)
{
    public string Title { get; } = title;

    public int Line { get; } = line;

    /// <summary>The lines between the heading and its first subsection (or its end).</summary>
    public List<SourceLine> Body { get; } = [];

    public List<OutlineSection> Subsections { get; } = [];
}

/// <summary>
/// A markdown page cut at its headings: the YAML front matter, the title (#), its sections (##) and their subsections
/// (###). Lines inside code fences are never headings (a PowerShell comment may start with ##).
/// </summary>
internal sealed class MarkdownOutline
{
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Title { get; private set; }

    public int TitleLine { get; private set; }

    public List<OutlineSection> Sections { get; } = [];

    public OutlineSection? Section(string title) =>
        Sections.FirstOrDefault(section => string.Equals(section.Title, title, StringComparison.OrdinalIgnoreCase));

    public static MarkdownOutline Parse(string text)
    {
        var outline = new MarkdownOutline();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var index = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
            {
                var colon = lines[index].IndexOf(':');
                if (colon > 0)
                {
                    outline.FrontMatter[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
                }
            }

            index++;
        }

        OutlineSection? section = null;
        OutlineSection? subsection = null;
        var inFence = false;
        for (; index < lines.Length; index++)
        {
            var line = new SourceLine(index + 1, lines[index].TrimEnd());
            if (IsFence(line.Text))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.Text.StartsWith("### ", StringComparison.Ordinal) && section != null)
            {
                subsection = new OutlineSection(line.Text[4..].Trim(), line.Number);
                section.Subsections.Add(subsection);
                continue;
            }
            else if (!inFence && line.Text.StartsWith("## ", StringComparison.Ordinal))
            {
                section = new OutlineSection(line.Text[3..].Trim(), line.Number);
                subsection = null;
                outline.Sections.Add(section);
                continue;
            }
            else if (!inFence && line.Text.StartsWith("# ", StringComparison.Ordinal) && outline.Title == null)
            {
                outline.Title = line.Text[2..].Trim();
                outline.TitleLine = line.Number;
                continue;
            }

            (subsection ?? section)?.Body.Add(line);
        }

        return outline;
    }

    public static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal);
}
