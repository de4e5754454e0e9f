using System;

namespace LiveStream.Model
{
    /// <summary>
    /// An Edge Ingestor selected for a Theta stream: where the encoder pushes and with which key. The selection lapses
    /// at <see cref="ExpiresAt"/> unless an encoder has started pushing by then.
    /// </summary>
    public sealed class IngestorSelection
    {
        /// <summary>How long the vendor keeps a selection that no encoder uses.</summary>
        public static readonly TimeSpan UnusedLifetime = TimeSpan.FromMinutes(5);

        /// <summary>The RTMP server the encoder pushes to (the vendor's stream_server).</summary>
        public string IngestUrl { get; internal set; } = string.Empty;

        /// <summary>The encoder's stream key (the vendor's stream_key). A secret of the stream's owner.</summary>
        public string StreamKey { get; internal set; } = string.Empty;

        public string IngestorId { get; internal set; } = string.Empty;

        /// <summary>The Theta stream (stream_...) the ingestor was selected for.</summary>
        public string ChannelId { get; internal set; } = string.Empty;

        /// <summary>
        /// When the vendor answered the selection, by this computer's clock; null for a selection made earlier (one
        /// found and kept by a select), as the vendor does not say when that was.
        /// </summary>
        public DateTimeOffset? SelectedAt { get; internal set; }

        /// <summary>
        /// <see cref="SelectedAt"/> plus five minutes: the selection lapses then if no encoder pushes to it; null when
        /// <see cref="SelectedAt"/> is.
        /// </summary>
        public DateTimeOffset? ExpiresAt { get; internal set; }

        /// <summary>What to paste into OBS (Settings, Stream): the service, the server and the stream key.</summary>
        public string ObsHint =>
            "Settings > Stream > Service: Custom..." + Environment.NewLine +
            "Server: " + IngestUrl + Environment.NewLine +
            "Stream Key: " + StreamKey;

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        public override string ToString() => $"{ChannelId} -> {IngestUrl} (Edge Ingestor {IngestorId})";
    }
}
