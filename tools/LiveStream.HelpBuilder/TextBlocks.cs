using System.Text;
using System.Text.RegularExpressions;

namespace LiveStream.HelpBuilder;

/// <summary>A piece of markdown prose as help text: paragraphs, list items and code blocks.</summary>
internal sealed record TextBlock(string Text, bool IsCode, bool IsListItem, bool IsTable = false);

internal static partial class TextBlocks
{
    /// <summary>
    /// Splits markdown lines into blocks: a paragraph's wrapped lines are joined with spaces, each list item is a
    /// block of its own, a fenced code block and a table keep their lines. Markdown links become "text (address)".
    /// </summary>
    public static List<TextBlock> From(IEnumerable<SourceLine> lines)
    {
        var blocks = new List<TextBlock>();
        var paragraph = new StringBuilder();
        var paragraphIsItem = false;
        var paragraphIsTable = false;
        StringBuilder? code = null;

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(paragraphIsTable
                    ? new TextBlock(paragraph.ToString(), true, false, IsTable: true)
                    : new TextBlock(Inline(paragraph.ToString()), false, paragraphIsItem));
                paragraph.Clear();
            }

            paragraphIsItem = false;
            paragraphIsTable = false;
        }

        foreach (var line in lines)
        {
            var text = line.Text;
            if (MarkdownOutline.IsFence(text))
            {
                if (code == null)
                {
                    EndParagraph();
                    code = new StringBuilder();
                }
                else
                {
                    blocks.Add(new TextBlock(code.ToString().TrimEnd('\n'), true, false));
                    code = null;
                }

                continue;
            }

            if (code != null)
            {
                code.Append(text).Append('\n');
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                EndParagraph();
                continue;
            }

            if (text.TrimStart().StartsWith('|'))
            {
                // A table keeps its rows, as a block of its own.
                if (paragraph.Length > 0 && !paragraphIsTable)
                {
                    EndParagraph();
                }

                paragraphIsTable = true;
                paragraph.Append(paragraph.Length > 0 ? "\n" : string.Empty).Append(text.Trim());
                continue;
            }

            if (paragraphIsTable)
            {
                EndParagraph();
            }

            if (ListItem().IsMatch(text))
            {
                EndParagraph();
                paragraphIsItem = true;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(text.Trim());
        }

        EndParagraph();
        if (code != null)
        {
            blocks.Add(new TextBlock(code.ToString().TrimEnd('\n'), true, false));
        }

        return blocks;
    }

    public static string PlainText(IEnumerable<SourceLine> lines) =>
        string.Join("\n\n", From(lines).Select(block => block.Text));

    private static string Inline(string text) => Link().Replace(text, match =>
        match.Groups["address"].Value.Length == 0 || match.Groups["address"].Value == match.Groups["text"].Value
            ? match.Groups["text"].Value
            : $"{match.Groups["text"].Value} ({match.Groups["address"].Value})");

    [GeneratedRegex(@"^\s*([-*+]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<address>[^)\s]*)\)")]
    private static partial Regex Link();
}
