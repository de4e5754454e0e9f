using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// A create that is never sent twice and never reported as failed when it did happen. Neither vendor offers an
    /// idempotency key, so the objects of that name are read before sending (the snapshot); when the answer is lost or
    /// cannot be read (a timeout, a connection lost after sending, a 5xx page, a 2xx body that is not the object), the
    /// object of that name that is not in the snapshot, was created after the call began and is not another call's is
    /// this call's. When that cannot be told, the outcome is LiveStream.OutcomeUnknown, naming what to check.
    /// </summary>
    public static class CreateOutcome
    {
        /// <summary>How far the vendor's clock may be behind this machine's when telling new objects from old ones.</summary>
        public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        /// <param name="what">What the vendor calls the object ("channel", "stream").</param>
        /// <param name="findByName">The objects now named <paramref name="name"/> (the snapshot, and the lookup).</param>
        /// <param name="createdAt">An object's creation time by the vendor's clock, when the vendor tells it.</param>
        public static async Task<T> CreateAsync<T>(CreateLedger ledger, string what, string name, IApiTrace? trace,
            Func<CancellationToken, Task<IReadOnlyList<T>>> findByName, Func<T, string> idOf,
            Func<T, DateTimeOffset?> createdAt, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
        {
            var before = new HashSet<string>((await findByName(cancellationToken).ConfigureAwait(false)).Select(idOf),
                StringComparer.Ordinal);
            var startedAt = DateTimeOffset.UtcNow;
            using var attempt = ledger.Begin(name);
            T made;
            try
            {
                made = await create(cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException failure) when (failure.OutcomeUnknown)
            {
                made = await RecoverAsync(failure, attempt, what, name, before, startedAt, trace, findByName, idOf,
                    createdAt, cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException)
            {
                attempt.MadeNothing();
                throw;
            }

            attempt.Claim(idOf(made));
            return made;
        }

        private static async Task<T> RecoverAsync<T>(LiveStreamApiException failure, CreateLedger.Attempt attempt,
            string what, string name, HashSet<string> before, DateTimeOffset startedAt, IApiTrace? trace,
            Func<CancellationToken, Task<IReadOnlyList<T>>> findByName, Func<T, string> idOf,
            Func<T, DateTimeOffset?> createdAt, CancellationToken cancellationToken)
        {
            IReadOnlyList<T> candidates;
            try
            {
                candidates = (await findByName(cancellationToken).ConfigureAwait(false))
                    .Where(item => !before.Contains(idOf(item)) && !attempt.IsClaimedByAnother(idOf(item)))
                    .Where(item => createdAt(item) is not DateTimeOffset made || made >= startedAt - ClockSkew)
                    .ToList();
            }
            catch (LiveStreamApiException lookup)
            {
                throw Unknown(failure, what, name, $" Looking for it failed as well ({lookup.Kind}).");
            }

            if (candidates.Count == 1 && attempt.OverlapsUnresolved)
            {
                throw Unknown(failure, what, name, $" One new {what} of that name ({idOf(candidates[0])}) exists, but " +
                    $"another create of '{name}' ran at the same time on this connection, so which call made it cannot be told.");
            }

            if (candidates.Count == 1)
            {
                trace?.Warning($"The answer to the create of {what} '{name}' was lost ({failure.Kind}); the {what} was " +
                    $"created nonetheless and is returned ({idOf(candidates[0])}). It was not sent twice.");
                return candidates[0];
            }

            throw Unknown(failure, what, name, candidates.Count == 0
                ? $" No new {what} of that name was found, so it was most likely not created."
                : $" {candidates.Count} new {what}s of that name exist ({string.Join(", ", candidates.Select(idOf))}); " +
                    "which one is this call's cannot be told.");
        }

        private static LiveStreamApiException Unknown(LiveStreamApiException failure, string what, string name, string finding) =>
            new LiveStreamApiException(ApiErrorKind.OutcomeUnknown, failure.Endpoint, failure.StatusCode, failure.VendorMessage,
                $"The create of {what} '{name}' failed after it may have reached the service ({failure.Kind}" +
                (failure.StatusCode is int status ? $", HTTP {status}" : string.Empty) + $"); it was not sent again.{finding}", failure)
            {
                OutcomeUnknown = true,
                Subject = name,
            };
    }

    /// <summary>
    /// The creates of one connection: which are running for which name, and which object ids calls have already taken
    /// as theirs, so that a lookup never returns the object of another call of this process.
    /// </summary>
    public sealed class CreateLedger
    {
        private readonly object _gate = new object();
        private readonly List<Attempt> _running = new List<Attempt>();
        private readonly HashSet<string> _claimed = new HashSet<string>(StringComparer.Ordinal);

        internal Attempt Begin(string name)
        {
            lock (_gate)
            {
                var attempt = new Attempt(this, name);
                foreach (var other in _running.Where(other => string.Equals(other.Name, name, StringComparison.Ordinal)))
                {
                    other.Overlapping.Add(attempt);
                    attempt.Overlapping.Add(other);
                }

                _running.Add(attempt);
                return attempt;
            }
        }

        internal sealed class Attempt : IDisposable
        {
            private readonly CreateLedger _ledger;

            public Attempt(CreateLedger ledger, string name)
            {
                _ledger = ledger;
                Name = name;
            }

            public string Name { get; }

            public List<Attempt> Overlapping { get; } = new List<Attempt>();

            public string? ClaimedId { get; private set; }

            /// <summary>True once this create's object is known, or it is known that it made none.</summary>
            public bool Resolved { get; private set; }

            /// <summary>True when a create of the same name ran alongside this one and has not (yet) taken an object.</summary>
            public bool OverlapsUnresolved
            {
                get
                {
                    lock (_ledger._gate)
                    {
                        return Overlapping.Any(other => !other.Resolved);
                    }
                }
            }

            public bool IsClaimedByAnother(string id)
            {
                lock (_ledger._gate)
                {
                    return _ledger._claimed.Contains(id) && ClaimedId != id;
                }
            }

            public void Claim(string id)
            {
                lock (_ledger._gate)
                {
                    ClaimedId = id;
                    Resolved = true;
                    _ledger._claimed.Add(id);
                }
            }

            public void MadeNothing()
            {
                lock (_ledger._gate)
                {
                    Resolved = true;
                }
            }

            public void Dispose()
            {
                lock (_ledger._gate)
                {
                    _ledger._running.Remove(this);
                }
            }
        }
    }
}
