using System.Threading;
using System.Threading.Tasks;
using LiveStream.Ingestors;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Theta
{
    /// <summary>Theta's Edge Ingestors behind the ingestor contract; the vendor answers the list whole.</summary>
    internal sealed class ThetaIngestorService : IEdgeIngestorService
    {
        private readonly ThetaClient _client;

        public ThetaIngestorService(ThetaClient client)
        {
            _client = client;
        }

        public Pageable<EdgeIngestor> List() => Pageable<EdgeIngestor>.Whole(_client.ListIngestorsAsync);

        public Task<IngestorSelection> SelectAsync(string ingestorId, string channelId, CancellationToken cancellationToken) =>
            _client.SelectIngestorAsync(ingestorId, channelId, cancellationToken);

        public Task<IngestorSelection> SelectNearestAsync(string channelId, CancellationToken cancellationToken) =>
            _client.SelectNearestIngestorAsync(channelId, cancellationToken);

        public Task UnselectAsync(string ingestorId, CancellationToken cancellationToken) =>
            _client.UnselectIngestorAsync(ingestorId, cancellationToken);

        public Task<IngestorSelection?> FindSelectionAsync(string channelId, CancellationToken cancellationToken) =>
            _client.FindSelectionAsync(channelId, cancellationToken);
    }
}
