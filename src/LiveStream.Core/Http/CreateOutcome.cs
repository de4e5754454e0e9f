using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// What a create whose answer was lost did: neither vendor offers an idempotency key, so instead of sending it again
    /// the objects of that name made since the call began are looked up.
    /// </summary>
    public static class CreateOutcome
    {
        /// <summary>How far the vendor's clock may be behind this machine's when telling new objects from old ones.</summary>
        public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        /// <summary>
        /// The one object named <paramref name="name"/> created since <paramref name="startedAt"/> (less the clock skew),
        /// returned with a warning; otherwise an OutcomeUnknown failure that says how to check.
        /// </summary>
        public static async Task<T> RecoverAsync<T>(LiveStreamApiException failure, string what, string name,
            DateTimeOffset startedAt, IApiTrace? trace, Func<CancellationToken, Task<IReadOnlyList<T>>> findByName,
            Func<T, DateTimeOffset?> createdAt, CancellationToken cancellationToken)
        {
            IReadOnlyList<T> candidates;
            try
            {
                candidates = (await findByName(cancellationToken).ConfigureAwait(false))
                    .Where(item => createdAt(item) is not DateTimeOffset made || made >= startedAt - ClockSkew)
                    .ToList();
            }
            catch (LiveStreamApiException lookup)
            {
                throw Unknown(failure, what, name, $" Looking for it failed as well ({lookup.Kind}).");
            }

            if (candidates.Count == 1)
            {
                trace?.Warning($"The answer to the create of {what} '{name}' was lost ({failure.Kind}); the {what} was " +
                    "created nonetheless and is returned. It was not sent twice.");
                return candidates[0];
            }

            throw Unknown(failure, what, name, candidates.Count == 0
                ? $" No {what} of that name created since then was found, so it was most likely not created."
                : $" {candidates.Count} {what}s of that name were created since then; which one is this call's cannot be told.");
        }

        private static LiveStreamApiException Unknown(LiveStreamApiException failure, string what, string name, string finding) =>
            new LiveStreamApiException(ApiErrorKind.OutcomeUnknown, failure.Endpoint, failure.StatusCode, failure.VendorMessage,
                $"The create of {what} '{name}' failed after it may have reached the service ({failure.Kind}); it was not " +
                $"sent again.{finding}", failure)
            {
                OutcomeUnknown = true,
                Advice = $"Check with Get-LiveChannel -Name '{name}' whether it exists before creating it again.",
            };
    }
}
