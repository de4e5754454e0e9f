using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// The time the HTTP core runs on: how long a call has taken, the waits between attempts and each attempt's timeout.
    /// Tests replace it to check the retry budget without waiting.
    /// </summary>
    public class HttpClock
    {
        private static readonly Stopwatch Running = Stopwatch.StartNew();

        public static readonly HttpClock System = new HttpClock();

        /// <summary>A monotonic reading; only differences between two readings mean something.</summary>
        public virtual TimeSpan Now => Running.Elapsed;

        public virtual Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);

        /// <summary>A source that is cancelled once <paramref name="timeout"/> has passed: one attempt's time limit.</summary>
        public virtual CancellationTokenSource StartTimeout(TimeSpan timeout) => new CancellationTokenSource(timeout);
    }
}
