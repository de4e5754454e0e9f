using System;
using System.Management.Automation;

namespace LiveStream.Commands
{
    /// <summary>
    /// A -Name value with wildcards, checked when it is made: a malformed pattern ('[', 'a[b') is an InvalidPattern
    /// record that says how to match the characters literally, never PowerShell's WildcardPatternException mid-listing.
    /// </summary>
    internal static class NamePattern
    {
        public static WildcardPattern? Create(string name, out ErrorRecord? error)
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            try
            {
                // The pattern is parsed when first used.
                pattern.IsMatch(string.Empty);
                error = null;
                return pattern;
            }
            catch (WildcardPatternException exception)
            {
                error = new ErrorRecord(
                    new ArgumentException($"'{name}' is not a valid wildcard pattern: {exception.Message} To match " +
                        $"[ or ] literally, escape them with a backtick ('{WildcardPattern.Escape(name)}'), as " +
                        "[WildcardPattern]::Escape() does.", exception),
                    ErrorIds.InvalidPattern, ErrorCategory.InvalidArgument, name);
                return null;
            }
        }
    }
}
