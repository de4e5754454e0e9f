using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LiveStream.Ids;
using LiveStream.Completion;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Watching;

namespace LiveStream.Commands
{
    /// <summary>
    /// Waits, for every channel given at once, until it has reached the wanted state (Live: a Sigma channel has a live
    /// session, a Theta stream is on; Ended: that broadcast is over, the stream off) and emits its session (Sigma) or
    /// stream (Theta) as it does. A channel that cannot get there by itself fails at once; one that runs out of time is
    /// its WaitTimeout record, in input order; the service being down or busy for a while does not end the wait.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "LiveChannel")]
    [OutputType(typeof(LiveSession), typeof(LiveChannel))]
    public sealed class WaitLiveChannelCommand : VendorCmdlet
    {
        private const int NamesShown = 5;

        private readonly List<Waiter> _waiters = new List<Waiter>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private ProgressRecord? _progress;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId", "StreamId")]
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

        private bool WantEnded => string.Equals(State, "Ended", StringComparison.OrdinalIgnoreCase);

        private string StateWord => WantEnded ? "ended" : "live";

        protected override void ProcessRecord()
        {
            foreach (var channelId in Id)
            {
                var vendor = LiveStream.Channels.VendorProfile.OfChannelId(channelId)?.Vendor;
                if (Connection == null && vendor == null)
                {
                    WriteInputError(ErrorIds.InvalidId,
                        $"'{channelId}' is neither a Sigma channel id (a GUID such as 42efeee4-e94e-4444-b0a6-90850413519d) " +
                        "nor a Theta stream id (stream_ followed by 25 letters or digits). Get-LiveChannel lists them.",
                        ErrorCategory.InvalidArgument, channelId);
                    continue;
                }

                var connection = Connection != null ? Current(Connection) : ResolveConnection(vendor!.Value);
                var fits = connection.Vendor == LiveStreamVendor.Theta
                    ? CheckId(IdKind.ThetaStream, channelId)
                    : CheckId(IdKind.SigmaChannel, channelId);
                if (!fits)
                {
                    continue;
                }

                VendorClient client = connection.Vendor == LiveStreamVendor.Theta
                    ? ThetaClientFor(connection)
                    : (VendorClient)SigmaClientFor(connection);
                var waiter = new Waiter(ChannelWatch.For(client, channelId, WantEnded), _clock.Elapsed + TimeSpan.FromSeconds(TimeoutSec));
                _waiters.Add(waiter);
                Start(waiter);
            }

            Harvest();
        }

        protected override void EndProcessing()
        {
            while (_waiters.Any(waiter => !waiter.Done))
            {
                foreach (var waiter in _waiters.Where(waiter => !waiter.Done && waiter.Poll == null && waiter.Due <= _clock.Elapsed))
                {
                    Start(waiter);
                }

                var polls = _waiters.Where(waiter => waiter.Poll != null).Select(waiter => (Task)waiter.Poll!).ToList();
                var nextDue = _waiters.Where(waiter => !waiter.Done && waiter.Poll == null)
                    .Select(waiter => waiter.Due - _clock.Elapsed)
                    .DefaultIfEmpty(TimeSpan.FromSeconds(1))
                    .Min();
                polls.Add(Task.Delay(nextDue > TimeSpan.FromMilliseconds(1) ? nextDue : TimeSpan.FromMilliseconds(1), StopToken));

                WaitFor(Task.WhenAny(polls));
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                Harvest();
            }

            foreach (var waiter in _waiters)
            {
                waiter.Round?.Dispose();
            }

            if (_progress != null)
            {
                WriteProgress(new ProgressRecord(_progress.ActivityId, _progress.Activity, "Done")
                {
                    RecordType = ProgressRecordType.Completed,
                });
            }

            foreach (var waiter in _waiters.Where(waiter => waiter.TimedOut))
            {
                WriteError(new ErrorRecord(
                    new TimeoutException($"Channel '{waiter.Watch.Name}' ({waiter.Watch.ChannelId}) was not {StateWord} " +
                        $"within {TimeoutSec} s (last seen: {waiter.LastSeen}). " + (WantEnded
                            ? "Stop the encoder or the channel (Stop-LiveChannel), or wait longer with -TimeoutSec."
                            : "Check that the encoder pushes to the channel's IngestUrl with its StreamKey, or wait longer " +
                              "with -TimeoutSec.")),
                    ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, waiter.Watch.ChannelId));
            }
        }

        /// <summary>Sends one look at the channel, cancelled when its time is up.</summary>
        private void Start(Waiter waiter)
        {
            var left = waiter.Deadline - _clock.Elapsed;
            waiter.Round?.Dispose();
            waiter.Round = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
            waiter.Round.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            var token = waiter.Round.Token;
            try
            {
                waiter.Poll = waiter.Watch.PollAsync(token);
            }
            catch (LiveStreamApiException exception)
            {
                waiter.Poll = Task.FromException<WatchResult>(exception);
            }
        }

        /// <summary>Writes what the finished looks found, schedules the next ones, and shows progress.</summary>
        private void Harvest()
        {
            FlushTrace();
            foreach (var waiter in _waiters.Where(waiter => waiter.Poll?.IsCompleted == true))
            {
                var poll = waiter.Poll!;
                waiter.Poll = null;
                try
                {
                    var result = poll.GetAwaiter().GetResult();
                    switch (result.Outcome)
                    {
                        case WatchOutcome.Reached:
                            waiter.Done = true;
                            waiter.Reached = true;
                            WriteObject(result.Output);
                            continue;
                        case WatchOutcome.CannotReach:
                            waiter.Done = true;
                            WriteError(new ErrorRecord(new InvalidOperationException(result.Text), ErrorIds.NotStarted,
                                ErrorCategory.InvalidOperation, waiter.Watch.ChannelId));
                            continue;
                        default:
                            waiter.LastSeen = result.Text;
                            waiter.Backoff.Unchanged();
                            break;
                    }
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (OperationCanceledException)
                {
                    // The look outlasted the channel's time: it has timed out below.
                }
                catch (LiveStreamApiException exception) when (PollBackoff.IsPassing(exception))
                {
                    waiter.LastSeen = "no answer from the service: " + exception.Message;
                    waiter.Backoff.Unchanged();
                    WriteVerbose($"Waiting for channel '{waiter.Watch.Name}': {exception.Message} Trying again.");
                }
                catch (LiveStreamApiException exception)
                {
                    waiter.Done = true;
                    WriteApiError(exception, waiter.Watch.ChannelId);
                    continue;
                }

                if (_clock.Elapsed >= waiter.Deadline)
                {
                    waiter.Done = true;
                    waiter.TimedOut = true;
                }
                else
                {
                    var pause = waiter.Backoff.Next;
                    waiter.Due = _clock.Elapsed + pause;
                    if (waiter.Due > waiter.Deadline)
                    {
                        waiter.Due = waiter.Deadline;
                    }
                }
            }

            ShowProgress();
        }

        private void ShowProgress()
        {
            var total = _waiters.Count;
            var pending = _waiters.Where(waiter => !waiter.Done).ToList();
            if (total == 0 || pending.Count == 0)
            {
                return;
            }

            // Done channels are those that got there (Reached) or will not (a record); count them apart.
            var reached = _waiters.Count(waiter => waiter.Reached);
            var failed = total - pending.Count - reached;

            // A channel not read yet has no name to show; its id, cut short by the host, would tell nobody anything.
            var named = pending.Where(waiter => waiter.Watch.Read).ToList();
            if (named.Count == 0)
            {
                return;
            }

            var shown = named.Take(NamesShown).Select(waiter => waiter.Watch.Name).ToList();
            var names = string.Join(", ", shown);
            if (pending.Count > shown.Count)
            {
                names += $" and {pending.Count - shown.Count} more";
            }

            _progress = new ProgressRecord(1, $"Waiting for {total} channel{(total == 1 ? "" : "s")} to be {StateWord}",
                $"{reached} of {total} {StateWord}{(failed > 0 ? $", {failed} not" : "")}; waiting for {names}" +
                (pending.Count == 1 ? $" ({pending[0].LastSeen})" : string.Empty));
            _progress.PercentComplete = 100 * (total - pending.Count) / total;
            var left = pending.Max(waiter => waiter.Deadline) - _clock.Elapsed;
            _progress.SecondsRemaining = Math.Max(0, (int)left.TotalSeconds);
            WriteProgress(_progress);
        }

        private sealed class Waiter
        {
            public Waiter(ChannelWatch watch, TimeSpan deadline)
            {
                Watch = watch;
                Deadline = deadline;
            }

            public ChannelWatch Watch { get; }

            public TimeSpan Deadline { get; }

            public PollBackoff Backoff { get; } = new PollBackoff();

            public Task<WatchResult>? Poll { get; set; }

            public CancellationTokenSource? Round { get; set; }

            public TimeSpan Due { get; set; }

            public bool Done { get; set; }

            public bool TimedOut { get; set; }

            public bool Reached { get; set; }

            public string LastSeen { get; set; } = "not read yet";
        }
    }
}
