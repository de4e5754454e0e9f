using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;

namespace LiveStream.Sessions
{
    /// <summary>
    /// A session's events as they appear, each once: every read returns the events not returned before, in the order
    /// they happened, across as many pages as there are. A read asks only for events created at or after the newest one
    /// already seen (oldest first) and drops the ids it has returned, so events that share a timestamp, or pages that
    /// shift while events are added, neither repeat nor go missing.
    /// </summary>
    public sealed class EventFeed
    {
        private readonly ISessionService _sessions;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private DateTimeOffset? _newest;

        public EventFeed(ISessionService sessions, string sessionId)
        {
            _sessions = sessions;
            SessionId = sessionId;
        }

        public string SessionId { get; }

        /// <summary>True once the session's end event has been read: no event follows it.</summary>
        public bool Ended { get; private set; }

        /// <summary>How many events have been read.</summary>
        public int Count => _seen.Count;

        public async Task<IReadOnlyList<LiveSessionEvent>> ReadNewAsync(CancellationToken cancellationToken)
        {
            var reader = _sessions.Events(new EventQuery(SessionId) { CreatedFrom = _newest }).Read();
            var news = new List<LiveSessionEvent>();
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                news.AddRange(page.Items.Where(item => _seen.Add(item.Id)));
            }

            foreach (var item in news)
            {
                if (item.Time.HasValue && (_newest == null || item.Time > _newest))
                {
                    _newest = item.Time;
                }

                Ended |= _sessions.IsEnd(item);
            }

            return news;
        }
    }
}
