using System;
using System.Text;

namespace LiveStream.HelpBuilder;

/// <summary>
/// An about_ topic: docs/about_X.md (# about_X, then ## Short description, ## Long description, ### subsections, ...)
/// written as the plain text Get-Help about_X prints (about_X.help.txt): headings in capitals, text wrapped at 80
/// columns and indented, code and tables kept as they are.
/// </summary>
internal static class AboutTopic
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static List<HelpProblem> Validate(string path, string fileName, MarkdownOutline outline)
    {
        var problems = new List<HelpProblem>();
        var expected = Path.GetFileNameWithoutExtension(fileName);
        if (outline.Title != expected)
        {
            problems.Add(new HelpProblem(path, Math.Max(outline.TitleLine, 1), "LSHELP050",
                $"An about topic's title must be its file name: '# {expected}'."));
        }

        foreach (var name in new[] { "Short description", "Long description" })
        {
            var section = outline.Section(name);
            if (section == null || string.IsNullOrWhiteSpace(TextBlocks.PlainText(Everything(section))))
            {
                problems.Add(new HelpProblem(path, section?.Line ?? Math.Max(outline.TitleLine, 1), "LSHELP051",
                    $"{expected} needs a non-empty '## {name}' section."));
            }
        }

        return problems;
    }

    public static string ToText(MarkdownOutline outline)
    {
        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(outline.Title).Append("\n\n");
        foreach (var section in outline.Sections)
        {
            text.Append(section.Title.ToUpperInvariant()).Append('\n');
            AppendBlocks(text, section.Body, Indent);
            foreach (var subsection in section.Subsections)
            {
                AppendWrapped(text, subsection.Title, Indent, Indent);
                text.Append(Indent).Append(new string('-', Math.Min(subsection.Title.Length, Width - Indent.Length))).Append('\n');
                AppendBlocks(text, subsection.Body, Indent);
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static IEnumerable<SourceLine> Everything(OutlineSection section) =>
        section.Body.Concat(section.Subsections.SelectMany(subsection => subsection.Body));

    private static void AppendBlocks(StringBuilder text, List<SourceLine> lines, string indent)
    {
        foreach (var block in TextBlocks.From(lines))
        {
            if (block.IsTable)
            {
                AppendTable(text, block.Text, indent + Indent);
            }
            else if (block.IsCode)
            {
                foreach (var line in block.Text.Split('\n'))
                {
                    text.Append(indent).Append(Indent).Append(line).Append('\n');
                }
            }
            else if (block.IsListItem)
            {
                AppendWrapped(text, block.Text, indent, indent + "  ");
            }
            else
            {
                AppendWrapped(text, block.Text, indent, indent);
            }

            text.Append('\n');
        }
    }

    /// <summary>A markdown table as aligned columns, without the |---| row.</summary>
    private static void AppendTable(StringBuilder text, string table, string indent)
    {
        var rows = table.Split('\n')
            .Select(row => row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => !cells.All(cell => cell.Length > 0 && cell.All(character => character is '-' or ':')))
            .ToList();
        var widths = Enumerable.Range(0, rows.Max(cells => cells.Length))
            .Select(column => rows.Max(cells => column < cells.Length ? cells[column].Length : 0))
            .ToArray();
        var lastStart = indent.Length + widths.Take(widths.Length - 1).Sum() + 2 * (widths.Length - 1);
        string Lead(string[] cells) =>
            string.Join("  ", cells.Take(widths.Length - 1).Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
        var fits = rows.All(cells => indent.Length + string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd().Length <= Width);
        foreach (var cells in rows)
        {
            var last = cells.Length == widths.Length ? cells[cells.Length - 1] : string.Empty;
            if (fits)
            {
                text.Append(indent).Append(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd()).Append('\n');
            }
            else if (Width - lastStart >= MinimumLastColumn)
            {
                // Too wide for the console: the last column wraps within what the others leave.
                AppendWrapped(text, last, indent + Lead(cells).PadRight(lastStart - indent.Length), new string(' ', lastStart));
            }
            else
            {
                // Too wide even so: the last column under the others, indented.
                AppendWrapped(text, Lead(cells), indent, indent + Indent);
                AppendWrapped(text, last, indent + Indent, indent + Indent);
            }
        }
    }

    /// <summary>The narrowest a wrapped last column may be before a row is written as lines instead.</summary>
    private const int MinimumLastColumn = 24;

    private static void AppendWrapped(StringBuilder text, string paragraph, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(nextIndent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        text.Append(line).Append('\n');
    }
}
