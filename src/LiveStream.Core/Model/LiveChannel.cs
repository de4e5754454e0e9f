using System;
using System.Collections.Generic;
using System.Text.Json;
using LiveStream.Http;

namespace LiveStream.Model
{
    /// <summary>
    /// A livestream channel: a Sigma channel or a Theta stream, with one set of properties for both vendors.
    /// Fields the type does not name stay reachable through <see cref="Raw"/>.
    /// </summary>
    public sealed class LiveChannel
    {
        public string Id { get; internal set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so that a channel piped on binds as a channel id.</summary>
        public string ChannelId => Id;

        public string Name { get; internal set; } = string.Empty;

        /// <summary>Sigma: idle, active, stop. Theta: on, off.</summary>
        public string? Status { get; internal set; }

        public string? Description { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal string[] Tags { get; set; } = Array.Empty<string>();

        /// <summary>Sigma's latency mode, e.g. ultra-low-latency.</summary>
        public string? Mode { get; internal set; }

        /// <summary>Sigma transcode profiles by name (1080p, 720p, 480p) or id when the id is not one of the three.</summary>
        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal string[] Profiles { get; set; } = Array.Empty<string>();

        /// <summary>RTMP server the encoder pushes to (Sigma input.rtmpServer, Theta stream_server).</summary>
        public string? IngestUrl { get; internal set; }

        /// <summary>The encoder's stream key (Sigma input.streamToken, Theta stream_key). A secret of the channel owner.</summary>
        public string? StreamKey { get; internal set; }

        /// <summary>HLS playback URL (Sigma liveStreamUrl, Theta playback_uri).</summary>
        public string? PlaybackUrl { get; internal set; }

        /// <summary>Theta's hosted player page (player_uri).</summary>
        public string? PlayerUrl { get; internal set; }

        public string? CurrentSessionId { get; internal set; }

        /// <summary>Whether Sigma records a catchup copy of each session.</summary>
        public bool Catchup { get; internal set; }

        /// <summary>Where catchup copies go, when the channel stores them on S3.</summary>
        public LiveS3Destination? CatchupDestination { get; internal set; }

        public DateTimeOffset? CreatedAt { get; internal set; }

        public DateTimeOffset? UpdatedAt { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamVendor Provider { get; set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        /// <summary>The vendor's JSON for this channel as dictionaries and arrays.</summary>
        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal IDictionary<string, object?> Raw
        {
            get => _raw ??= _rawJson.ValueKind == JsonValueKind.Object
                ? (IDictionary<string, object?>)JsonFields.ToPlain(_rawJson)!
                : new Dictionary<string, object?>();
            set => _raw = value;
        }

        /// <summary>
        /// The channel's own answer (a document of its own that holds no S3 secret key), turned into <see cref="Raw"/>
        /// only when a script first reads it: most channels written are never asked for it.
        /// </summary>
        internal JsonElement RawJson
        {
            set
            {
                _rawJson = value;
                _raw = null;
            }
        }

        private IDictionary<string, object?>? _raw;
        private JsonElement _rawJson;

        public override string ToString() => Name;
    }
}
