using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;

namespace LiveStream.Watching
{
    /// <summary>How a wait on one channel ended.</summary>
    public enum WaitOutcome
    {
        Reached,
        CannotReach,
        TimedOut,
    }

    public sealed class WaitResult
    {
        internal WaitResult(WaitOutcome outcome, object? output, WatchProblem problem, string lastSeen)
        {
            Outcome = outcome;
            Output = output;
            Problem = problem;
            LastSeen = lastSeen;
        }

        public WaitOutcome Outcome { get; }

        /// <summary>With Reached: the session or channel in the wanted state.</summary>
        public object? Output { get; }

        /// <summary>With CannotReach: why.</summary>
        public WatchProblem Problem { get; }

        /// <summary>What the last look saw (with CannotReach: the channel's status).</summary>
        public string LastSeen { get; }
    }

    /// <summary>What a wait shows while it goes on: what the channel looks like now, and a passing failure it polls through.</summary>
    public sealed class WaitReport
    {
        internal WaitReport(ChannelWatch watch, string seen, LiveStreamApiException? passingFailure)
        {
            Watch = watch;
            Seen = seen;
            PassingFailure = passingFailure;
        }

        public ChannelWatch Watch { get; }

        public string Seen { get; }

        public LiveStreamApiException? PassingFailure { get; }
    }

    /// <summary>
    /// Waits on one channel until it reaches the state its watch looks for, cannot (it needs someone's help), or the
    /// time runs out. Polls back off (<see cref="PollBackoff"/>) and poll through the service being down or busy; a look
    /// still running when the time is up is cut. Other failures end the wait with the failure.
    /// </summary>
    public static class ChannelWait
    {
        public static async Task<WaitResult> UntilAsync(ChannelWatch watch, TimeSpan timeout, IProgress<WaitReport>? progress,
            CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var backoff = new PollBackoff();
            var lastSeen = "not read yet";
            while (true)
            {
                var left = timeout - clock.Elapsed;
                using (var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    round.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    try
                    {
                        var result = await watch.PollAsync(round.Token).ConfigureAwait(false);
                        switch (result.Outcome)
                        {
                            case WatchOutcome.Reached:
                                return new WaitResult(WaitOutcome.Reached, result.Output, WatchProblem.None, lastSeen);
                            case WatchOutcome.CannotReach:
                                return new WaitResult(WaitOutcome.CannotReach, null, result.Problem, result.Seen);
                        }

                        lastSeen = result.Seen;
                        progress?.Report(new WaitReport(watch, lastSeen, null));
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The look outlasted the channel's time: it has timed out below.
                    }
                    catch (LiveStreamApiException exception) when (PollBackoff.IsPassing(exception))
                    {
                        lastSeen = "no answer from the service: " + exception.Message;
                        progress?.Report(new WaitReport(watch, lastSeen, exception));
                    }
                }

                if (clock.Elapsed >= timeout)
                {
                    return new WaitResult(WaitOutcome.TimedOut, null, WatchProblem.None, lastSeen);
                }

                backoff.Unchanged();
                var rest = timeout - clock.Elapsed;
                var pause = backoff.Next < rest ? backoff.Next : rest;
                await Task.Delay(pause > TimeSpan.Zero ? pause : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
