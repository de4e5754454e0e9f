using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;

namespace LiveStream.Sigma
{
    /// <summary>
    /// A session's events as they appear, each once: every read returns the events not returned before, in the order
    /// they happened, across as many pages as there are. A read asks only for events created at or after the newest one
    /// already seen (createdAt $gte, oldest first) and drops the ids it has returned, so events that share a timestamp,
    /// or pages that shift while events are added, neither repeat nor go missing.
    /// </summary>
    public sealed class SigmaEventFeed
    {
        private readonly SigmaClient _client;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private DateTimeOffset? _newest;

        public SigmaEventFeed(SigmaClient client, string sessionId)
        {
            _client = client;
            SessionId = sessionId;
        }

        public string SessionId { get; }

        /// <summary>True once the session's ended event has been read: no event follows it.</summary>
        public bool Ended { get; private set; }

        /// <summary>How many events have been read.</summary>
        public int Count => _seen.Count;

        public async Task<IReadOnlyList<LiveSessionEvent>> ReadNewAsync(CancellationToken cancellationToken)
        {
            var query = new SigmaListQuery()
                .AsAnd()
                .Where("sessionId", SessionId)
                .Between("createdAt", _newest, null)
                .SortBy("createdAt", descending: false);
            var news = new List<LiveSessionEvent>();
            for (var page = 1; ; page++)
            {
                var result = await _client.ListEventsAsync(query, page, SigmaClient.MaxPerPage, cancellationToken)
                    .ConfigureAwait(false);
                news.AddRange(result.Items.Where(item => _seen.Add(item.Id)));
                if (result.IsLast)
                {
                    break;
                }
            }

            foreach (var item in news)
            {
                if (item.Time.HasValue && (_newest == null || item.Time > _newest))
                {
                    _newest = item.Time;
                }

                if (string.Equals(item.Action, "ended", StringComparison.OrdinalIgnoreCase))
                {
                    Ended = true;
                }
            }

            return news;
        }
    }
}
