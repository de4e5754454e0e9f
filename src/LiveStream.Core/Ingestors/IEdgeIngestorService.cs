using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Ingestors
{
    /// <summary>
    /// The Edge Ingestors of a vendor whose channels are started by selecting an ingest server for them
    /// (<see cref="Channels.ChannelFeatures.EdgeIngestors"/>): list, select, release, and what a channel has selected.
    /// </summary>
    public interface IEdgeIngestorService
    {
        /// <summary>The ingestors, nearest to the caller first.</summary>
        Pageable<EdgeIngestor> List();

        /// <summary>Selects this ingestor for the channel; a lost answer whose repeat is refused is checked on the channel.</summary>
        Task<IngestorSelection> SelectAsync(string ingestorId, string channelId, CancellationToken cancellationToken);

        /// <summary>Selects the nearest available ingestor; one taken meanwhile by someone else makes it try the next.</summary>
        Task<IngestorSelection> SelectNearestAsync(string channelId, CancellationToken cancellationToken);

        /// <summary>Releases an ingestor, desired-state: one not selected is released already.</summary>
        Task UnselectAsync(string ingestorId, CancellationToken cancellationToken);

        /// <summary>What the channel has selected now, or null.</summary>
        Task<IngestorSelection?> FindSelectionAsync(string channelId, CancellationToken cancellationToken);
    }
}
