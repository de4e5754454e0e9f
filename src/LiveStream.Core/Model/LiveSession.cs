using System;
using System.Collections.Generic;

namespace LiveStream.Model
{
    /// <summary>One broadcast of a Sigma channel: from an encoder's publish to its end.</summary>
    public sealed class LiveSession
    {
        public string Id { get; internal set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so that a session piped on binds as a session id.</summary>
        public string SessionId => Id;

        public string? Name { get; internal set; }

        /// <summary>init, processing, preparing, error, live or ended.</summary>
        public string? Status { get; internal set; }

        public string? ChannelId { get; internal set; }

        public DateTimeOffset? CreatedAt { get; internal set; }

        public DateTimeOffset? StartedAt { get; internal set; }

        public DateTimeOffset? FinishedAt { get; internal set; }

        public TimeSpan? Duration { get; internal set; }

        /// <summary>The publishing encoder's address (clientInfo.ip).</summary>
        public string? ClientIp { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal string[] RecordUrls { get; set; } = Array.Empty<string>();

        /// <summary>The catchup playlist on S3, when the channel stores catchup there.</summary>
        public string? CatchupUrl { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamVendor Provider { get; set; } = LiveStreamVendor.Sigma;

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal IDictionary<string, object?> Raw { get; set; } = new Dictionary<string, object?>();

        public override string ToString() => Name ?? Id;
    }
}
