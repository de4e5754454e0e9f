using System;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Theta
{
    /// <summary>
    /// Theta streams behind the vendor-neutral channel contract. Theta has no start or stop call: a stream is started
    /// by selecting the nearest available Edge Ingestor for it (unless it has one) and stopped by releasing it.
    /// </summary>
    internal sealed class ThetaChannelService : IChannelService
    {
        private readonly ThetaClient _client;

        public ThetaChannelService(ThetaClient client)
        {
            _client = client;
        }

        public VendorProfile Profile => VendorProfile.Theta;

        public string Describe(string channelIdOrName) =>
            $"Theta stream {channelIdOrName} (connection '{_client.Origin?.Name}')";

        public Task<LiveChannel> GetAsync(string channelId, CancellationToken cancellationToken) =>
            _client.GetStreamAsync(channelId, cancellationToken);

        /// <summary>The account's streams (at most three) come in one answer; the status is Theta's own filter.</summary>
        public Pageable<LiveChannel> List(ChannelQuery query)
        {
            var status = query.Status == null ? (ThetaStreamStatus?)null
                : (ThetaStreamStatus)Enum.Parse(typeof(ThetaStreamStatus), query.Status, ignoreCase: true);
            return Pageable<LiveChannel>.Whole(token => _client.ListStreamsAsync(status, token));
        }

        /// <summary>A stream has a name only; it starts off, without ingest details (a start gives them).</summary>
        public Task<LiveChannel> CreateAsync(ChannelSpec spec, CancellationToken cancellationToken) =>
            spec.Settings == null
                ? _client.CreateStreamAsync(spec.Name, cancellationToken)
                : throw new NotSupportedException("A Theta stream takes a name only.");

        public async Task<ChannelChange> StartAsync(string channelId, CancellationToken cancellationToken)
        {
            var started = await _client.StartStreamAsync(channelId, cancellationToken).ConfigureAwait(false);
            if (started.Selection is { } selection)
            {
                return new ChannelChange(started.Outcome, $"Edge Ingestor {selection.IngestorId} is selected for " +
                    $"{channelId}; the stream turns on when the encoder pushes to {selection.IngestUrl}, and the selection " +
                    $"lapses at {selection.ExpiresAt:T} if none has by then.");
            }

            return started.Outcome == ChangeOutcome.AlreadySo
                ? new ChannelChange(started.Outcome, $"{channelId} already has Edge Ingestor {started.Ingestor!.Id}; " +
                    "nothing was selected.")
                : ChannelChange.Of(started.Outcome, Describe(channelId), "start",
                    $"started (Edge Ingestor {started.Ingestor!.Id} is selected)");
        }

        public async Task<ChannelChange> StopAsync(string channelId, CancellationToken cancellationToken)
        {
            var stopped = await _client.StopStreamAsync(channelId, cancellationToken).ConfigureAwait(false);
            return stopped.Outcome switch
            {
                ChangeOutcome.AlreadySo => new ChannelChange(stopped.Outcome,
                    $"{channelId} has no Edge Ingestor selected; nothing was sent to release."),
                ChangeOutcome.Made => new ChannelChange(stopped.Outcome,
                    $"Edge Ingestor {stopped.Released!.Id} is released; {channelId} is off."),
                _ => ChannelChange.Of(stopped.Outcome, Describe(channelId), "stop",
                    $"off (Edge Ingestor {stopped.Released!.Id} is released)"),
            };
        }

        public Task<ChannelChange> RemoveAsync(string channelId, CancellationToken cancellationToken) =>
            throw new NotSupportedException(Profile.WhyNot(ChannelFeatures.Remove));
    }
}
