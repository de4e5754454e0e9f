using System;

namespace LiveStream.Channels
{
    /// <summary>What a vendor's channels support beyond get, list, create, start and stop.</summary>
    [Flags]
    public enum ChannelFeatures
    {
        None = 0,

        /// <summary>Channels can be deleted.</summary>
        Remove = 1,

        /// <summary>A channel has sessions (one per broadcast) with events.</summary>
        Sessions = 2,

        /// <summary>The service filters a list by one exact name (the module matches other names itself).</summary>
        NameFilter = 4,

        /// <summary>A channel takes <see cref="ChannelSettings"/> beyond its name (description, tags, transcoding...).</summary>
        ChannelSettings = 8,

        /// <summary>A channel is started by selecting an Edge Ingestor (an ingest server) for it.</summary>
        EdgeIngestors = 16,
    }
}
