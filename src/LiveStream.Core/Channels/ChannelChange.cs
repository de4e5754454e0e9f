using LiveStream.Model;

namespace LiveStream.Channels
{
    /// <summary>How a start, stop or remove ended, and what the vendor did to get there when it is worth telling.</summary>
    public sealed class ChannelChange
    {
        public ChannelChange(ChangeOutcome outcome, string? report = null)
        {
            Outcome = outcome;
            Report = report;
        }

        public ChangeOutcome Outcome { get; }

        /// <summary>
        /// One sentence for the verbose stream when the change was not simply made or took steps of its own, e.g.
        /// "... is already active; nothing to start." or "Edge Ingestor 0x... is selected for stream_...". Null otherwise.
        /// </summary>
        public string? Report { get; }

        /// <summary>
        /// The change with the sentence its outcome calls for: none when simply made; "{what} is {state}; nothing to
        /// {action}." when it was so already; the read-back when the answer was lost.
        /// </summary>
        public static ChannelChange Of(ChangeOutcome outcome, string what, string action, string state) =>
            new ChannelChange(outcome, outcome switch
            {
                ChangeOutcome.AlreadySo => $"{what} is {state}; nothing to {action}.",
                ChangeOutcome.Confirmed => $"{what}: the answer to {action} was lost or refused as already done; read " +
                    $"back, it is {state}.",
                _ => null,
            });
    }
}
