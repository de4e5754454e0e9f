using System;
using System.Collections.Generic;

namespace LiveStream.Model
{
    /// <summary>Something that happened in a session (initialize, start, stable, interrupted, restored, ended...).</summary>
    public sealed class LiveSessionEvent
    {
        public string Id { get; internal set; } = string.Empty;

        public string? SessionId { get; internal set; }

        public DateTimeOffset? Time { get; internal set; }

        public string? Action { get; internal set; }

        /// <summary>Who caused it, e.g. "user"; absent for most events.</summary>
        public string? Actor { get; internal set; }

        /// <summary>The vendor's message, in Vietnamese (e.g. "Kênh ổn định").</summary>
        public string? Message { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal IDictionary<string, object?> Raw { get; set; } = new Dictionary<string, object?>();

        public override string ToString() => $"{Time:u} {Action} {Message}";
    }
}
