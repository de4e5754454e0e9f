using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Channels
{
    /// <summary>
    /// One vendor's channels behind one contract: what the channel cmdlets call, whatever the vendor. Each vendor's
    /// service maps the calls onto its API (a Theta stream is started by selecting an Edge Ingestor for it, say), and
    /// <see cref="Profile"/> says what the vendor supports, so that callers never ask which vendor it is.
    /// </summary>
    public interface IChannelService
    {
        /// <summary>The vendor's channel vocabulary: id form, statuses, features.</summary>
        VendorProfile Profile { get; }

        /// <summary>What messages and confirmations call a channel: "Sigma channel {id} (connection 'name')".</summary>
        string Describe(string channelIdOrName);

        Task<LiveChannel> GetAsync(string channelId, CancellationToken cancellationToken);

        /// <summary>
        /// The channels <paramref name="query"/> asks for, page by page. A vendor that filters names itself
        /// (<see cref="ChannelFeatures.NameFilter"/>) returns only channels of the one exact name asked for.
        /// </summary>
        Pageable<LiveChannel> List(ChannelQuery query);

        /// <summary>
        /// Creates a channel: never sent twice; when the answer is lost, the channel the call made is looked up, else the
        /// outcome is unknown (ApiErrorKind.OutcomeUnknown). Settings need <see cref="ChannelFeatures.ChannelSettings"/>.
        /// </summary>
        Task<LiveChannel> CreateAsync(ChannelSpec spec, CancellationToken cancellationToken);

        /// <summary>Desired-state start: a channel already started is success (AlreadySo).</summary>
        Task<ChannelChange> StartAsync(string channelId, CancellationToken cancellationToken);

        /// <summary>Desired-state stop: a channel that is not running is success (AlreadySo).</summary>
        Task<ChannelChange> StopAsync(string channelId, CancellationToken cancellationToken);

        /// <summary>Deletes a channel; needs <see cref="ChannelFeatures.Remove"/>. Gone after a lost answer is Confirmed.</summary>
        Task<ChannelChange> RemoveAsync(string channelId, CancellationToken cancellationToken);
    }
}
