using System.Linq;

namespace LiveStream.Completion
{
    /// <summary>Between what the user typed and what a completion inserts.</summary>
    internal static class CompletionText
    {
        /// <summary>What the completion list shows: the value, then what it names (a channel's name, an ingestor's address).</summary>
        public static string ListItem(string value, string? description) =>
            string.IsNullOrEmpty(description) ? value : value + "  " + description;

        /// <summary>The word as typed, without the quotes the user may have opened.</summary>
        public static string Unquoted(string wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        /// <summary>
        /// A value as it must be typed: single-quoted when it starts with '-' or holds anything but letters, digits, '-', '_'
        /// or '.'.
        /// </summary>
        public static string AsTyped(string value) =>
            value.Length > 0 && value[0] != '-' && value.All(character => char.IsLetterOrDigit(character) || "-_.".IndexOf(character) >= 0)
                ? value
                : "'" + value.Replace("'", "''") + "'";
    }
}
