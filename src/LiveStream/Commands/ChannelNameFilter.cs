using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// -Name: a name without wildcards matches exactly (as Sigma compares names); a pattern with wildcards matches
    /// case-insensitively. A malformed pattern is <see cref="Error"/>.
    /// </summary>
    internal sealed class ChannelNameFilter
    {
        private readonly string[] _names;
        private readonly HashSet<string> _exactNames;
        private readonly List<WildcardPattern> _patterns = new List<WildcardPattern>();
        private readonly HashSet<string> _exactSeen = new HashSet<string>(StringComparer.Ordinal);

        public ChannelNameFilter(string[]? names)
        {
            _names = names ?? new string[0];
            _exactNames = new HashSet<string>(_names.Where(name => !WildcardPattern.ContainsWildcardCharacters(name)),
                StringComparer.Ordinal);
            foreach (var name in _names.Where(WildcardPattern.ContainsWildcardCharacters))
            {
                var pattern = NamePattern.Create(name, out var error);
                if (pattern == null)
                {
                    Error ??= error;
                    continue;
                }

                _patterns.Add(pattern);
            }
        }

        public ErrorRecord? Error { get; }

        public bool IsEmpty => _names.Length == 0;

        /// <summary>The name when -Name is one name without wildcards, which a service can filter on.</summary>
        public string? SingleExactName => _names.Length == 1 && _exactNames.Count == 1 ? _names[0] : null;

        public bool Matches(LiveChannel channel)
        {
            if (_exactNames.Contains(channel.Name))
            {
                _exactSeen.Add(channel.Name);
                return true;
            }

            return _patterns.Any(pattern => pattern.IsMatch(channel.Name));
        }

        /// <summary>
        /// The exact names no channel matched, once every list was read: neither matched here nor, for the one
        /// name a service filtered on, found by that service (<paramref name="serviceMatched"/> channels).
        /// </summary>
        public IEnumerable<string> Unmatched(ulong serviceMatched) =>
            _exactNames.Where(name => !_exactSeen.Contains(name) && !(SingleExactName != null && serviceMatched > 0));
    }
}
