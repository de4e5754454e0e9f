using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Sigma
{
    /// <summary>Sigma channels behind the vendor-neutral channel contract.</summary>
    internal sealed class SigmaChannelService : IChannelService
    {
        private readonly SigmaClient _client;

        public SigmaChannelService(SigmaClient client)
        {
            _client = client;
        }

        public VendorProfile Profile => VendorProfile.Sigma;

        public string Describe(string channelIdOrName) =>
            $"Sigma channel {channelIdOrName} (connection '{_client.Origin?.Name}')";

        public Task<LiveChannel> GetAsync(string channelId, CancellationToken cancellationToken) =>
            _client.GetChannelAsync(channelId, cancellationToken);

        /// <summary>A status and one exact name go to Sigma as its q filter; oldest first, so channels made meanwhile come last.</summary>
        public Pageable<LiveChannel> List(ChannelQuery query)
        {
            var q = new SigmaListQuery().Where("status", query.Status?.ToLowerInvariant()).Where("name", query.Name).Filter;
            var sort = query.RecentlyChangedFirst ? "updatedAt|desc" : SigmaClient.ChannelListOrder;
            return new Pageable<LiveChannel>(SigmaClient.MaxPerPage, (page, perPage, token) =>
                _client.ListChannelsAsync(q, sort, page, perPage, token));
        }

        public Task<LiveChannel> CreateAsync(ChannelSpec spec, CancellationToken cancellationToken) =>
            _client.CreateChannelAsync(spec.Name, spec.Settings ?? new ChannelSettings(), cancellationToken);

        public async Task<ChannelChange> StartAsync(string channelId, CancellationToken cancellationToken) =>
            ChannelChange.Of(await _client.StartChannelAsync(channelId, cancellationToken).ConfigureAwait(false),
                Describe(channelId), "start", "already active");

        public async Task<ChannelChange> StopAsync(string channelId, CancellationToken cancellationToken) =>
            ChannelChange.Of(await _client.StopChannelAsync(channelId, cancellationToken).ConfigureAwait(false),
                Describe(channelId), "stop", "not running");

        public async Task<ChannelChange> RemoveAsync(string channelId, CancellationToken cancellationToken) =>
            ChannelChange.Of(await _client.DeleteChannelAsync(channelId, cancellationToken).ConfigureAwait(false),
                Describe(channelId), "remove", "gone");
    }
}
