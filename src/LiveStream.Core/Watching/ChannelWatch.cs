using System;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Sessions;

namespace LiveStream.Watching
{
    /// <summary>
    /// Looks, when asked, whether a channel has reached a state: Live (a channel with sessions: a live session; one
    /// without: its status is on) or Ended (the session that was current, or else the latest one, has ended; the status
    /// is off).
    /// </summary>
    public abstract class ChannelWatch
    {
        protected ChannelWatch(IChannelService channels, string channelId, bool wantEnded)
        {
            Channels = channels;
            ChannelId = channelId;
            WantEnded = wantEnded;
            Name = channelId;
        }

        protected IChannelService Channels { get; }

        public string ChannelId { get; }

        /// <summary>The channel's name once it has been read (its id until then).</summary>
        public string Name { get; private set; }

        public bool WantEnded { get; }

        /// <summary>True once the channel has been read (<see cref="Name"/> is its name).</summary>
        public bool Read { get; private set; }

        protected void Named(string name)
        {
            Name = string.IsNullOrEmpty(name) ? ChannelId : name;
            Read = true;
        }

        public abstract Task<WatchResult> PollAsync(CancellationToken cancellationToken);

        /// <summary>A watch of a channel with sessions (<paramref name="sessions"/> given) or of one with an on/off status.</summary>
        public static ChannelWatch For(IChannelService channels, ISessionService? sessions, string channelId, bool wantEnded) =>
            sessions != null
                ? new SessionChannelWatch(channels, sessions, channelId, wantEnded)
                : (ChannelWatch)new StatusChannelWatch(channels, channelId, wantEnded);
    }

    /// <summary>A channel whose broadcasts are sessions: Live when its current session is live, Ended when that one has ended.</summary>
    internal sealed class SessionChannelWatch : ChannelWatch
    {
        private readonly ISessionService _sessions;
        private string? _watchedSessionId;
        private bool _looked;

        public SessionChannelWatch(IChannelService channels, ISessionService sessions, string channelId, bool wantEnded)
            : base(channels, channelId, wantEnded)
        {
            _sessions = sessions;
        }

        public override async Task<WatchResult> PollAsync(CancellationToken cancellationToken)
        {
            var channel = await Channels.GetAsync(ChannelId, cancellationToken).ConfigureAwait(false);
            Named(channel.Name);
            var firstLook = !_looked;
            _looked = true;
            _watchedSessionId ??= channel.CurrentSessionId;
            var session = _watchedSessionId != null
                ? await _sessions.FindAsync(_watchedSessionId, cancellationToken).ConfigureAwait(false)
                : WantEnded && firstLook
                    ? await _sessions.LatestAsync(ChannelId, cancellationToken).ConfigureAwait(false)
                    : null;
            if (session != null && _sessions.IsIn(session, WantEnded ? SessionState.Ended : SessionState.Live))
            {
                return WatchResult.Reached(session);
            }

            if (!_sessions.IsStarted(channel) && (!WantEnded || session == null))
            {
                return WatchResult.CannotReach(WantEnded ? WatchProblem.NeverBroadcast : WatchProblem.NotStarted,
                    channel.Status ?? "not started");
            }

            if (!WantEnded && session != null && _sessions.IsIn(session, SessionState.Ended))
            {
                _watchedSessionId = null;
            }

            return WatchResult.Waiting(session == null
                ? $"channel {channel.Status}, no session yet"
                : $"channel {channel.Status}, session {session.Name} {session.Status}");
        }
    }

    /// <summary>A channel without sessions (a Theta stream): Live when its status is on, Ended when it is off.</summary>
    internal sealed class StatusChannelWatch : ChannelWatch
    {
        public StatusChannelWatch(IChannelService channels, string channelId, bool wantEnded)
            : base(channels, channelId, wantEnded)
        {
        }

        public override async Task<WatchResult> PollAsync(CancellationToken cancellationToken)
        {
            var stream = await Channels.GetAsync(ChannelId, cancellationToken).ConfigureAwait(false);
            Named(stream.Name);
            if (string.Equals(stream.Status, WantEnded ? "off" : "on", StringComparison.OrdinalIgnoreCase))
            {
                return WatchResult.Reached(stream);
            }

            // The vendor shows the ingest server only while an Edge Ingestor is selected for the stream.
            if (!WantEnded && string.IsNullOrEmpty(stream.IngestUrl))
            {
                return WatchResult.CannotReach(WatchProblem.NoIngest, stream.Status ?? "off");
            }

            return WatchResult.Waiting($"stream {stream.Status}");
        }
    }
}
