using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace LiveStream.Commands
{
    /// <summary>Wait-LiveChannel's one progress bar: how many channels got there, and the names of those still pending.</summary>
    internal sealed class WaitProgressBar
    {
        private const int NamesShown = 5;

        private readonly string _stateWord;
        private ProgressRecord? _shown;

        public WaitProgressBar(string stateWord)
        {
            _stateWord = stateWord;
        }

        public void Show(Cmdlet cmdlet, IReadOnlyList<Item> items, TimeSpan now)
        {
            var total = items.Count;
            var pending = items.Where(item => !item.Done).ToList();
            if (total == 0 || pending.Count == 0)
            {
                return;
            }

            // Done channels are those that got there (Reached) or will not (a record); count them apart.
            var reached = items.Count(item => item.Reached);
            var failed = total - pending.Count - reached;

            // A channel not read yet has no name to show; its id, cut short by the host, would tell nobody anything.
            var named = pending.Where(item => item.Name != null).ToList();
            if (named.Count == 0)
            {
                return;
            }

            var shown = named.Take(NamesShown).Select(item => item.Name).ToList();
            var names = string.Join(", ", shown);
            if (pending.Count > shown.Count)
            {
                names += $" and {pending.Count - shown.Count} more";
            }

            _shown = new ProgressRecord(1, $"Waiting for {total} channel{(total == 1 ? "" : "s")} to be {_stateWord}",
                $"{reached} of {total} {_stateWord}{(failed > 0 ? $", {failed} not" : "")}; waiting for {names}" +
                (pending.Count == 1 ? $" ({pending[0].LastSeen})" : string.Empty));
            _shown.PercentComplete = 100 * (total - pending.Count) / total;
            var left = pending.Max(item => item.Deadline) - now;
            _shown.SecondsRemaining = Math.Max(0, (int)left.TotalSeconds);
            cmdlet.WriteProgress(_shown);
        }

        /// <summary>Ends the bar, when one was shown.</summary>
        public void Complete(Cmdlet cmdlet)
        {
            if (_shown != null)
            {
                cmdlet.WriteProgress(new ProgressRecord(_shown.ActivityId, _shown.Activity, "Done")
                {
                    RecordType = ProgressRecordType.Completed,
                });
            }
        }

        /// <summary>One channel as the bar shows it; Name is null until the channel has been read.</summary>
        public readonly struct Item
        {
            public Item(string? name, bool done, bool reached, string lastSeen, TimeSpan deadline)
            {
                Name = name;
                Done = done;
                Reached = reached;
                LastSeen = lastSeen;
                Deadline = deadline;
            }

            public string? Name { get; }

            public bool Done { get; }

            public bool Reached { get; }

            public string LastSeen { get; }

            public TimeSpan Deadline { get; }
        }
    }
}
