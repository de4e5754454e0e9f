using System;
using LiveStream.Model;

namespace LiveStream.Channels
{
    /// <summary>
    /// A new channel's settings beyond its name, for a vendor with <see cref="ChannelFeatures.ChannelSettings"/>; the
    /// defaults are the Sigma document's sample (transcode, ultra-low-latency, the three documented profiles, a 30 s stop
    /// timeout, HLS, no recording). Null values leave the vendor's default.
    /// </summary>
    public sealed class ChannelSettings
    {
        public const int DefaultStopTimeout = 30;

        public string? Description { get; set; }

        public string[] Tags { get; set; } = Array.Empty<string>();

        /// <summary>Transcode profile ids, in the order sent; null: the documented three.</summary>
        public string[]? ProfileIds { get; set; }

        /// <summary>The API's word for the latency mode, e.g. ultra-low-latency; null: ultra-low-latency.</summary>
        public string? Mode { get; set; }

        /// <summary>Seconds without a signal after which the session ends.</summary>
        public int StopTimeout { get; set; } = DefaultStopTimeout;

        public bool Record { get; set; }

        /// <summary>hls or dash.</summary>
        public string OutputFormat { get; set; } = "hls";

        /// <summary>The machine to run the channel on (lower-case GUID); null: the app's default machine.</summary>
        public string? MachineId { get; set; }

        /// <summary>Where catchup copies of each session go; catchup is on exactly when this is set.</summary>
        public LiveS3Destination? CatchupDestination { get; set; }
    }
}
