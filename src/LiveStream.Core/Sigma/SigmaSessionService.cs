using System;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Paging;
using LiveStream.Sessions;

namespace LiveStream.Sigma
{
    /// <summary>
    /// Sigma sessions behind the vendor-neutral session contract. The API has no call for one session: a session is a
    /// one-item page of the list, newest first. Lists sort by createdAt (the Sigma document shows other fields; the
    /// module's order is the one a broadcast history reads in).
    /// </summary>
    internal sealed class SigmaSessionService : ISessionService
    {
        private readonly SigmaClient _client;

        public SigmaSessionService(SigmaClient client)
        {
            _client = client;
        }

        public Task<LiveSession?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
            _client.FindSessionAsync(new SigmaListQuery().Where("id", sessionId), cancellationToken);

        public Task<LiveSession?> LatestAsync(string channelId, CancellationToken cancellationToken) =>
            _client.FindSessionAsync(new SigmaListQuery().Where("channelId", channelId), cancellationToken);

        public Pageable<LiveSession> List(SessionQuery query)
        {
            var sigmaQuery = new SigmaListQuery()
                .Where("channelId", query.ChannelId)
                .Where("status", query.Status?.ToLowerInvariant())
                .Between("createdAt", query.CreatedFrom, query.CreatedTo)
                .SortBy("createdAt", descending: !query.OldestFirst);
            return new Pageable<LiveSession>(SigmaClient.MaxPerPage, (page, perPage, token) =>
                _client.ListSessionsAsync(sigmaQuery, page, perPage, token));
        }

        public Task<LiveSessionStatus> GetStatusAsync(string sessionId, CancellationToken cancellationToken) =>
            _client.GetSessionStatusAsync(sessionId, cancellationToken);

        /// <summary>The documented form: q={"$and":[{"sessionId":"..."}, ...]}, sorted by createdAt.</summary>
        public Pageable<LiveSessionEvent> Events(EventQuery query)
        {
            var sigmaQuery = new SigmaListQuery()
                .AsAnd()
                .Where("sessionId", query.SessionId)
                .Where("action", query.Action?.ToLowerInvariant())
                .Between("createdAt", query.CreatedFrom, null)
                .SortBy("createdAt", query.NewestFirst);
            return new Pageable<LiveSessionEvent>(SigmaClient.MaxPerPage, (page, perPage, token) =>
                _client.ListEventsAsync(sigmaQuery, page, perPage, token));
        }

        public async Task<string?> CurrentIdAsync(string channelId, string? known, CancellationToken cancellationToken) =>
            known ?? (await _client.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false)).CurrentSessionId;

        public bool IsStarted(LiveChannel channel) =>
            string.Equals(channel.Status, "active", StringComparison.OrdinalIgnoreCase);

        public bool IsIn(LiveSession session, SessionState state) =>
            string.Equals(session.Status, state == SessionState.Ended ? "ended" : "live", StringComparison.OrdinalIgnoreCase);

        public bool IsEnd(LiveSessionEvent sessionEvent) =>
            string.Equals(sessionEvent.Action, "ended", StringComparison.OrdinalIgnoreCase);
    }
}
