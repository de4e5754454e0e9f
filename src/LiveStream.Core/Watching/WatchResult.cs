namespace LiveStream.Watching
{
    /// <summary>What one look at a channel found: the wanted state reached, not yet, or never without someone's help.</summary>
    public enum WatchOutcome
    {
        Waiting,
        Reached,
        CannotReach,
    }

    /// <summary>Why a channel cannot reach the wanted state by itself.</summary>
    public enum WatchProblem
    {
        None,

        /// <summary>Live is wanted and the channel is not started: nothing can publish to it.</summary>
        NotStarted,

        /// <summary>Ended is wanted and the channel has no session: it has never broadcast.</summary>
        NeverBroadcast,

        /// <summary>Live is wanted and the channel has no ingest point (a Theta stream with no Edge Ingestor selected).</summary>
        NoIngest,
    }

    public sealed class WatchResult
    {
        private WatchResult(WatchOutcome outcome, object? output, string seen, WatchProblem problem)
        {
            Outcome = outcome;
            Output = output;
            Seen = seen;
            Problem = problem;
        }

        public WatchOutcome Outcome { get; }

        /// <summary>With Reached: the session (a channel with sessions) or the channel in the wanted state.</summary>
        public object? Output { get; }

        /// <summary>What was seen: "channel idle, no session yet"; with CannotReach, the channel's status.</summary>
        public string Seen { get; }

        /// <summary>With CannotReach: why.</summary>
        public WatchProblem Problem { get; }

        public static WatchResult Reached(object output) => new WatchResult(WatchOutcome.Reached, output, "reached", WatchProblem.None);

        public static WatchResult Waiting(string seen) => new WatchResult(WatchOutcome.Waiting, null, seen, WatchProblem.None);

        public static WatchResult CannotReach(WatchProblem problem, string status) =>
            new WatchResult(WatchOutcome.CannotReach, null, status, problem);
    }
}
