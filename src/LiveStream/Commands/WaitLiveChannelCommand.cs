using System;
using System.Diagnostics;
using System.Management.Automation;
using LiveStream.Completion;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>
    /// Waits until a Sigma channel has a session in the wanted state (Live: its encoder is publishing; Ended: that
    /// broadcast is over) and emits the session; a wait that runs out of time is that channel's OperationTimeout record.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "LiveChannel")]
    [OutputType(typeof(LiveSession))]
    public sealed class WaitLiveChannelCommand : VendorCmdlet
    {
        private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(5);

        private int _activityId;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ChannelIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaChannelIdCompleter))]
        public string[] Id { get; set; } = new string[0];

        [Parameter]
        [ValidateSet("Live", "Ended", IgnoreCase = true)]
        public string State { get; set; } = "Live";

        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        protected override void ProcessRecord()
        {
            foreach (var channelId in Id)
            {
                if (CheckSigmaId(channelId, "channel"))
                {
                    var client = SigmaClientFor(ResolveConnection(LiveStreamVendor.Sigma));
                    ForItem(channelId, () => WaitFor(client, channelId));
                }
            }
        }

        private void WaitFor(SigmaClient client, string channelId)
        {
            var wantEnded = string.Equals(State, "Ended", StringComparison.OrdinalIgnoreCase);
            var activity = $"Waiting for channel {channelId} to have a{(wantEnded ? "n ended" : " live")} session";
            var clock = Stopwatch.StartNew();
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            var progress = new ProgressRecord(++_activityId, activity, "Reading the channel");
            var delay = FirstPoll;
            string? watchedSessionId = null;
            var firstPoll = true;
            string lastSeen;
            while (true)
            {
                var channel = Await(token => client.GetChannelAsync(channelId, token));
                watchedSessionId ??= channel.CurrentSessionId;
                var session = watchedSessionId != null
                    ? Await(token => client.FindSessionAsync(new SigmaListQuery().Where("id", watchedSessionId), token))
                    : wantEnded && firstPoll
                        ? Await(token => client.FindSessionAsync(new SigmaListQuery().Where("channelId", channelId), token))
                        : null;
                if (session != null && string.Equals(session.Status, wantEnded ? "ended" : "live", StringComparison.OrdinalIgnoreCase))
                {
                    Complete(progress);
                    WriteObject(session);
                    return;
                }

                lastSeen = session == null
                    ? $"channel {channel.Status}, no session yet"
                    : $"channel {channel.Status}, session {session.Name} {session.Status}";
                if (!wantEnded && session?.Status == "ended")
                {
                    watchedSessionId = null;
                }

                firstPoll = false;
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                progress.StatusDescription = lastSeen;
                progress.SecondsRemaining = (int)left.TotalSeconds;
                progress.PercentComplete = (int)(100 * clock.Elapsed.TotalSeconds / timeout.TotalSeconds);
                WriteProgress(progress);
                var pause = delay < left ? delay : left;
                Await(async token =>
                {
                    await Task.Delay(pause, token).ConfigureAwait(false);
                    return true;
                });
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, LongestPoll.TotalMilliseconds));
            }

            Complete(progress);
            WriteItemError(new ErrorRecord(
                new TimeoutException($"Channel {channelId} had no {(wantEnded ? "ended" : "live")} session within " +
                    $"{TimeoutSec} s (last seen: {lastSeen}). " + (wantEnded
                        ? "Stop the encoder or the channel (Stop-LiveChannel), or wait longer with -TimeoutSec."
                        : "Check that the channel is started (Start-LiveChannel) and that the encoder pushes to its IngestUrl with its StreamKey, or wait longer with -TimeoutSec.")),
                "LiveStream.WaitTimeout", ErrorCategory.OperationTimeout, channelId));
        }

        private void Complete(ProgressRecord progress)
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
