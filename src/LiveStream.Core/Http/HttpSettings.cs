using System;

namespace LiveStream.Http
{
    /// <summary>How one connection talks HTTP: timeouts, retries and limits.</summary>
    public sealed class HttpSettings
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        public const int DefaultMaxRetries = 4;

        /// <summary>Time allowed for one attempt, from sending to the last byte of the answer.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>Extra attempts after a transient failure of a call that is safe to repeat.</summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>All attempts and waits of one call together stop after this long.</summary>
        public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(120);

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>Answers larger than this are refused rather than read into memory.</summary>
        public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

        /// <summary>The clock of timeouts, waits and the retry budget (a fake one in tests).</summary>
        public HttpClock Clock { get; set; } = HttpClock.System;

        /// <summary>
        /// Concurrent connections to one host: as many as the largest number of calls a pipeline may have in flight
        /// (64), so that a throttle of 64 is not halved here. A pipeline opens only as many as its throttle uses.
        /// </summary>
        public int MaxConnectionsPerServer { get; set; } = 64;
    }
}
