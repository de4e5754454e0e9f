using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Sessions
{
    /// <summary>
    /// A session followed to its end, or a channel followed from session to session until it is stopped. A channel's
    /// next sessions are those created after the first one seen (its current one, else its latest, which is not
    /// followed), so that a session that begins and ends between two polls is followed too.
    /// </summary>
    public sealed class SessionFollower
    {
        private readonly IChannelService? _channels;
        private readonly ISessionService _sessions;
        private readonly string? _channelId;
        private readonly HashSet<string> _sessionIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly string? _knownSessionId;
        private EventFeed? _feed;
        private bool _looked;
        private DateTimeOffset? _since;
        private bool _followedAny;

        private SessionFollower(IChannelService? channels, ISessionService sessions, string? sessionId, string? channelId)
        {
            _channels = channels;
            _sessions = sessions;
            _knownSessionId = sessionId;
            _channelId = channelId;
            if (channelId == null)
            {
                _feed = new EventFeed(sessions, sessionId!);
            }
        }

        /// <summary>Follows one session until it ends.</summary>
        public static SessionFollower OfSession(ISessionService sessions, string sessionId) =>
            new SessionFollower(null, sessions, sessionId, null);

        /// <summary>Follows a channel from its current session (<paramref name="knownSessionId"/> when the caller has it) on.</summary>
        public static SessionFollower OfChannel(IChannelService channels, ISessionService sessions, string channelId,
            string? knownSessionId) =>
            new SessionFollower(channels, sessions, knownSessionId, channelId);

        /// <summary>True once there is nothing more to follow.</summary>
        public bool Done { get; set; }

        /// <summary>
        /// Set with <see cref="Done"/> when a channel could not be followed at all: it is not started and has no session.
        /// The channel's status as read.
        /// </summary>
        public string? NotStartedStatus { get; private set; }

        public async Task<IReadOnlyList<LiveSessionEvent>> PollAsync(CancellationToken cancellationToken)
        {
            if (_feed == null && !await FindNextSessionAsync(cancellationToken).ConfigureAwait(false))
            {
                return Array.Empty<LiveSessionEvent>();
            }

            var news = await _feed!.ReadNewAsync(cancellationToken).ConfigureAwait(false);
            if (_feed.Ended)
            {
                _feed = null;
                Done = _channelId == null;
            }

            return news;
        }

        private async Task<bool> FindNextSessionAsync(CancellationToken cancellationToken)
        {
            var channel = await _channels!.GetAsync(_channelId!, cancellationToken).ConfigureAwait(false);
            var started = _sessions.IsStarted(channel);
            LiveSession? next;
            if (!_looked)
            {
                var currentId = _knownSessionId ?? channel.CurrentSessionId;
                var first = currentId != null
                    ? await _sessions.FindAsync(currentId, cancellationToken).ConfigureAwait(false)
                    : await _sessions.LatestAsync(_channelId!, cancellationToken).ConfigureAwait(false);
                if (first == null && !started)
                {
                    return NotStarted(channel);
                }

                _looked = true;
                _since = first?.CreatedAt;
                if (first != null)
                {
                    _sessionIds.Add(first.Id);
                }

                if (currentId == null && !started)
                {
                    return NotStarted(channel);
                }

                next = currentId != null ? first : null;
            }
            else
            {
                var created = await _sessions.List(new SessionQuery
                {
                    ChannelId = _channelId,
                    CreatedFrom = _since,
                    OldestFirst = true,
                }).Read().NextAsync(cancellationToken).ConfigureAwait(false);
                next = created?.Items.FirstOrDefault(session => _sessionIds.Add(session.Id));
            }

            if (next == null)
            {
                Done = !started;
                return false;
            }

            _followedAny = true;
            _feed = new EventFeed(_sessions, next.Id);
            return true;
        }

        private bool NotStarted(LiveChannel channel)
        {
            Done = true;
            if (!_followedAny)
            {
                NotStartedStatus = channel.Status ?? "not started";
            }

            return false;
        }
    }
}
