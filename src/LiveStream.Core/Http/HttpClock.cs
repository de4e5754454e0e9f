using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// What the HTTP core does not decide itself: how long a call has taken, the waits between attempts, each attempt's
    /// timeout, the date a Retry-After names, and the jitter that spreads retries apart. Tests replace it to check the
    /// retry rules exactly and without waiting.
    /// </summary>
    public class HttpClock
    {
        private static readonly Stopwatch Running = Stopwatch.StartNew();
        private static readonly Random Jitter = new Random();

        public static readonly HttpClock System = new HttpClock();

        /// <summary>A monotonic reading; only differences between two readings mean something.</summary>
        public virtual TimeSpan Now => Running.Elapsed;

        /// <summary>The date and time, for a Retry-After header that names a date.</summary>
        public virtual DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public virtual Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);

        /// <summary>A source that is cancelled once <paramref name="timeout"/> has passed: one attempt's time limit.</summary>
        public virtual CancellationTokenSource StartTimeout(TimeSpan timeout) => new CancellationTokenSource(timeout);

        /// <summary>A fraction in [0, 1): where within its back-off range a retry waits.</summary>
        public virtual double NextJitter()
        {
            lock (Jitter)
            {
                return Jitter.NextDouble();
            }
        }
    }
}
