using System;
using LiveStream.Http;

namespace LiveStream.Watching
{
    /// <summary>
    /// How long to wait between polls of something that changes by itself (a session's events, a channel going live):
    /// short at first and after every change, half as long again after each poll that saw nothing new, never longer
    /// than <see cref="Longest"/>; and which failures of a poll are worth polling again for (the service is down or busy
    /// for a while) rather than ending the wait.
    /// </summary>
    public sealed class PollBackoff
    {
        public static readonly TimeSpan DefaultFirst = TimeSpan.FromMilliseconds(500);

        public static readonly TimeSpan DefaultLongest = TimeSpan.FromSeconds(5);

        public PollBackoff(TimeSpan? first = null, TimeSpan? longest = null)
        {
            First = first ?? DefaultFirst;
            Longest = longest ?? DefaultLongest;
            Next = First;
        }

        public TimeSpan First { get; }

        public TimeSpan Longest { get; }

        /// <summary>The wait before the next poll.</summary>
        public TimeSpan Next { get; private set; }

        /// <summary>A poll saw something new: poll again soon.</summary>
        public void Changed() => Next = First;

        /// <summary>A poll saw nothing new, or failed for a while: wait longer next time.</summary>
        public void Unchanged() =>
            Next = TimeSpan.FromMilliseconds(Math.Min(Next.TotalMilliseconds * 1.5, Longest.TotalMilliseconds));

        /// <summary>
        /// Whether a poll that failed with <paramref name="error"/> should be tried again later: the service did not
        /// answer, answered 5xx or 429, or answered something unreadable (a proxy's error page during an outage).
        /// </summary>
        public static bool IsPassing(LiveStreamApiException error) => error.Kind switch
        {
            ApiErrorKind.ServerError => true,
            ApiErrorKind.ConnectionFailed => true,
            ApiErrorKind.Timeout => true,
            ApiErrorKind.LimitsExceeded => true,
            ApiErrorKind.InvalidResponse => true,
            _ => false,
        };
    }
}
