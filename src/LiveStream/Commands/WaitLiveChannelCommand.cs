using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Watching;

namespace LiveStream.Commands
{
    /// <summary>
    /// Waits, for every channel given at once, until it has reached the wanted state (Live: a Sigma channel has a live
    /// session, a Theta stream is on; Ended: that broadcast is over, the stream off) and emits its session (Sigma) or
    /// stream (Theta) as it does. A channel that cannot get there by itself fails at once; one that runs out of time is
    /// its WaitTimeout record, in input order; the service being down or busy for a while does not end the wait. The
    /// waiting is Core's (<see cref="ChannelWait"/>); this shows its progress and writes what it ends with.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "LiveChannel")]
    [OutputType(typeof(LiveSession), typeof(LiveChannel))]
    public sealed class WaitLiveChannelCommand : VendorCmdlet
    {
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private readonly ConcurrentQueue<WaitReport> _reports = new ConcurrentQueue<WaitReport>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TaskCompletionSource<bool> _reported = NewSignal();
        private WaitProgressBar? _bar;

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

        protected override void BeginProcessing() => _bar = new WaitProgressBar(WantEnded ? "ended" : "live");

        protected override void ProcessRecord()
        {
            foreach (var (connection, channels, channelId) in new ChannelTargets(this).Resolve(Id))
            {
                var sessions = connection.Profile.Supports(ChannelFeatures.Sessions) ? connection.Sessions(Trace) : null;
                var watch = ChannelWatch.For(channels, sessions, channelId, WantEnded);
                var progress = new Reports(this);
                var waiter = new Waiter(watch, _clock.Elapsed + TimeSpan.FromSeconds(TimeoutSec));
                try
                {
                    waiter.Wait = ChannelWait.UntilAsync(watch, TimeSpan.FromSeconds(TimeoutSec), progress, StopToken);
                }
                catch (LiveStreamApiException exception)
                {
                    waiter.Wait = Task.FromException<WaitResult>(exception);
                }

                _waiters.Add(waiter);
            }

            Harvest();
        }

        protected override void EndProcessing()
        {
            while (_waiters.Any(waiter => !waiter.Done))
            {
                var reported = _reported.Task;
                var running = _waiters.Where(waiter => !waiter.Done).Select(waiter => (Task)waiter.Wait!).ToList();
                running.Add(reported);
                WaitFor(Task.WhenAny(running));
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                if (reported.IsCompleted)
                {
                    _reported = NewSignal();
                }

                Harvest();
            }

            _bar?.Complete(this);
            foreach (var waiter in _waiters.Where(waiter => waiter.TimedOut))
            {
                WriteError(new ErrorRecord(
                    new TimeoutException($"Channel '{waiter.Watch.Name}' ({waiter.Watch.ChannelId}) was not " +
                        $"{(WantEnded ? "ended" : "live")} within {TimeoutSec} s (last seen: {waiter.LastSeen}). " + (WantEnded
                            ? "Stop the encoder or the channel (Stop-LiveChannel), or wait longer with -TimeoutSec."
                            : "Check that the encoder pushes to the channel's IngestUrl with its StreamKey, or wait longer " +
                              "with -TimeoutSec.")),
                    ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, waiter.Watch.ChannelId));
            }
        }

        /// <summary>Shows what the waits reported, writes what the finished ones ended with, and shows progress.</summary>
        private void Harvest()
        {
            FlushTrace();
            while (_reports.TryDequeue(out var report))
            {
                var waiter = _waiters.FirstOrDefault(candidate => candidate.Watch == report.Watch);
                if (waiter != null && !waiter.Done)
                {
                    waiter.LastSeen = report.Seen;
                }

                if (report.PassingFailure != null)
                {
                    WriteVerbose($"Waiting for channel '{report.Watch.Name}': {report.PassingFailure.Message} Trying again.");
                }
            }

            foreach (var waiter in _waiters.Where(waiter => !waiter.Done && waiter.Wait!.IsCompleted))
            {
                waiter.Done = true;
                try
                {
                    var result = waiter.Wait!.GetAwaiter().GetResult();
                    waiter.LastSeen = result.LastSeen;
                    switch (result.Outcome)
                    {
                        case WaitOutcome.Reached:
                            waiter.Reached = true;
                            WriteObject(result.Output);
                            break;
                        case WaitOutcome.CannotReach:
                            WriteError(new ErrorRecord(new InvalidOperationException(WaitAdvice.CannotReach(waiter.Watch, result)),
                                ErrorIds.NotStarted, ErrorCategory.InvalidOperation, waiter.Watch.ChannelId));
                            break;
                        default:
                            waiter.TimedOut = true;
                            break;
                    }
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (LiveStreamApiException exception)
                {
                    WriteApiError(exception, waiter.Watch.ChannelId);
                }
            }

            _bar?.Show(this, _waiters.Select(waiter => waiter.Progress).ToList(), _clock.Elapsed);
        }

        private static TaskCompletionSource<bool> NewSignal() =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Takes the waits' reports on any thread; the pipeline thread shows them.</summary>
        private sealed class Reports : IProgress<WaitReport>
        {
            private readonly WaitLiveChannelCommand _command;

            public Reports(WaitLiveChannelCommand command)
            {
                _command = command;
            }

            public void Report(WaitReport value)
            {
                _command._reports.Enqueue(value);
                _command._reported.TrySetResult(true);
            }
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

            public Task<WaitResult>? Wait { get; set; }

            public bool Done { get; set; }

            public bool TimedOut { get; set; }

            public bool Reached { get; set; }

            public string LastSeen { get; set; } = "not read yet";

            public WaitProgressBar.Item Progress =>
                new WaitProgressBar.Item(Watch.Read ? Watch.Name : null, Done, Reached, LastSeen, Deadline);
        }
    }
}
