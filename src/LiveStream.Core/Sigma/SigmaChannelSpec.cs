using System;
using LiveStream.Model;

namespace LiveStream.Sigma
{
    /// <summary>
    /// What a new Sigma channel is made of. The defaults are those of the Sigma document's sample: a transcode channel,
    /// ultra-low-latency, the three documented profiles, a 30 s stop timeout, HLS output, no recording.
    /// </summary>
    public sealed class SigmaChannelSpec
    {
        public const int DefaultStopTimeout = 30;

        public SigmaChannelSpec(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string? Description { get; set; }

        public string[] Tags { get; set; } = Array.Empty<string>();

        /// <summary>Transcode profile ids, in the order sent.</summary>
        public string[] ProfileIds { get; set; } = SigmaProfiles.DefaultIds;

        public string Type { get; set; } = "transcode";

        /// <summary>The API's word, e.g. ultra-low-latency.</summary>
        public string Mode { get; set; } = SigmaModes.UltraLowLatency;

        /// <summary>Seconds without a signal after which Sigma ends the session.</summary>
        public int StopTimeout { get; set; } = DefaultStopTimeout;

        public bool Record { get; set; }

        public string OutputFormat { get; set; } = "hls";

        /// <summary>A Sigma machine to run the channel on; without it the app's default machine is used.</summary>
        public string? MachineId { get; set; }

        /// <summary>Where catchup copies of each session go; catchup is on exactly when this is set.</summary>
        public LiveS3Destination? CatchupDestination { get; set; }
    }
}
