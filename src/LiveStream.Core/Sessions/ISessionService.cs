using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Sessions
{
    /// <summary>
    /// One vendor's sessions (a channel's broadcasts) and their events behind one contract, for a vendor whose profile
    /// has <see cref="Channels.ChannelFeatures.Sessions"/>. Query languages, sorts and page numbers stay behind it.
    /// </summary>
    public interface ISessionService
    {
        /// <summary>The session with this id, or null when the account has none of that id.</summary>
        Task<LiveSession?> FindAsync(string sessionId, CancellationToken cancellationToken);

        /// <summary>The newest session of a channel, or null when it has had none.</summary>
        Task<LiveSession?> LatestAsync(string channelId, CancellationToken cancellationToken);

        /// <summary>The sessions <paramref name="query"/> asks for (of one channel, or of the account), page by page.</summary>
        Pageable<LiveSession> List(SessionQuery query);

        Task<LiveSessionStatus> GetStatusAsync(string sessionId, CancellationToken cancellationToken);

        /// <summary>A session's events, page by page, in the order <paramref name="query"/> asks for.</summary>
        Pageable<LiveSessionEvent> Events(EventQuery query);

        /// <summary>
        /// A channel's current session id: <paramref name="known"/> (the one a channel object carries), else the one the
        /// service has now (a channel read before its broadcast started carries none). Null when it is not broadcasting.
        /// </summary>
        Task<string?> CurrentIdAsync(string channelId, string? known, CancellationToken cancellationToken);

        /// <summary>Whether <paramref name="channel"/> is started, so that an encoder's publish begins a session.</summary>
        bool IsStarted(LiveChannel channel);

        /// <summary>Whether a session's status is <paramref name="state"/> (live or ended).</summary>
        bool IsIn(LiveSession session, SessionState state);

        /// <summary>Whether an event marks the end of its session: no event follows it.</summary>
        bool IsEnd(LiveSessionEvent sessionEvent);
    }
}
