using System.Collections.Generic;

namespace LiveStream.Completion
{
    /// <summary>The actions Sigma records in a session's events.</summary>
    public sealed class EventActionCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<string> Values => new[] { "initialize", "start", "stable", "interrupted", "restored", "ended" };
    }
}
