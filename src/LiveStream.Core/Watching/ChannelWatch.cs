using System;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Watching
{
    /// <summary>What one look at a channel found: the wanted state reached, not yet, or never without someone's help.</summary>
    public enum WatchOutcome
    {
        Waiting,
        Reached,
        CannotReach,
    }

    public sealed class WatchResult
    {
        private WatchResult(WatchOutcome outcome, object? output, string text)
        {
            Outcome = outcome;
            Output = output;
            Text = text;
        }

        public WatchOutcome Outcome { get; }

        /// <summary>With Reached: the session (Sigma) or the stream (Theta) in the wanted state.</summary>
        public object? Output { get; }

        /// <summary>What was seen (Waiting) or what to do (CannotReach).</summary>
        public string Text { get; }

        public static WatchResult Reached(object output) => new WatchResult(WatchOutcome.Reached, output, "reached");

        public static WatchResult Waiting(string seen) => new WatchResult(WatchOutcome.Waiting, null, seen);

        public static WatchResult CannotReach(string advice) => new WatchResult(WatchOutcome.CannotReach, null, advice);
    }

    /// <summary>
    /// Looks, when asked, whether a channel has reached a state: Live (Sigma: a live session; Theta: the stream is on)
    /// or Ended (Sigma: the session that was current, or else the latest one, has ended; Theta: the stream is off).
    /// </summary>
    public abstract class ChannelWatch
    {
        protected ChannelWatch(string channelId, bool wantEnded)
        {
            ChannelId = channelId;
            WantEnded = wantEnded;
            Name = channelId;
        }

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

        public static ChannelWatch For(VendorClient client, string channelId, bool wantEnded) =>
            client is ThetaClient theta
                ? new ThetaStreamWatch(theta, channelId, wantEnded)
                : (ChannelWatch)new SigmaChannelWatch((SigmaClient)client, channelId, wantEnded);
    }

    internal sealed class SigmaChannelWatch : ChannelWatch
    {
        private readonly SigmaClient _client;
        private string? _watchedSessionId;
        private bool _looked;

        public SigmaChannelWatch(SigmaClient client, string channelId, bool wantEnded)
            : base(channelId, wantEnded)
        {
            _client = client;
        }

        public override async Task<WatchResult> PollAsync(CancellationToken cancellationToken)
        {
            var channel = await _client.GetChannelAsync(ChannelId, cancellationToken).ConfigureAwait(false);
            Named(channel.Name);
            var firstLook = !_looked;
            _looked = true;
            _watchedSessionId ??= channel.CurrentSessionId;
            var session = _watchedSessionId != null
                ? await _client.FindSessionAsync(new SigmaListQuery().Where("id", _watchedSessionId), cancellationToken)
                    .ConfigureAwait(false)
                : WantEnded && firstLook
                    ? await _client.FindSessionAsync(new SigmaListQuery().Where("channelId", ChannelId), cancellationToken)
                        .ConfigureAwait(false)
                    : null;
            if (session != null && string.Equals(session.Status, WantEnded ? "ended" : "live", StringComparison.OrdinalIgnoreCase))
            {
                return WatchResult.Reached(session);
            }

            var started = string.Equals(channel.Status, "active", StringComparison.OrdinalIgnoreCase);
            if (!started && (!WantEnded || session == null))
            {
                return WatchResult.CannotReach(WantEnded
                    ? $"Channel '{Name}' ({ChannelId}) is {channel.Status} and has no session: it has never broadcast, " +
                      "so no session of it can end. Start it (Start-LiveChannel) and let the encoder publish, or wait on " +
                      "another channel."
                    : $"Channel '{Name}' ({ChannelId}) is {channel.Status}: it cannot go live until it is started. Run " +
                      $"Start-LiveChannel -Id {ChannelId}, then wait again.");
            }

            if (!WantEnded && session?.Status == "ended")
            {
                _watchedSessionId = null;
            }

            return WatchResult.Waiting(session == null
                ? $"channel {channel.Status}, no session yet"
                : $"channel {channel.Status}, session {session.Name} {session.Status}");
        }
    }

    internal sealed class ThetaStreamWatch : ChannelWatch
    {
        private readonly ThetaClient _client;

        public ThetaStreamWatch(ThetaClient client, string streamId, bool wantEnded)
            : base(streamId, wantEnded)
        {
            _client = client;
        }

        public override async Task<WatchResult> PollAsync(CancellationToken cancellationToken)
        {
            var stream = await _client.GetStreamAsync(ChannelId, cancellationToken).ConfigureAwait(false);
            Named(stream.Name);
            if (string.Equals(stream.Status, WantEnded ? "off" : "on", StringComparison.OrdinalIgnoreCase))
            {
                return WatchResult.Reached(stream);
            }

            // The vendor shows the ingest server only while an Edge Ingestor is selected for the stream.
            if (!WantEnded && string.IsNullOrEmpty(stream.IngestUrl))
            {
                return WatchResult.CannotReach(
                    $"Theta stream '{Name}' ({ChannelId}) has no Edge Ingestor selected: no encoder can push to it, so it " +
                    $"cannot turn on. Run Select-EdgeIngestor -StreamId {ChannelId}, push the encoder to the IngestUrl " +
                    "with the StreamKey it returns, then wait again.");
            }

            return WatchResult.Waiting($"stream {stream.Status}");
        }
    }
}
