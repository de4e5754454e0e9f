using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace LiveStream.Http
{
    /// <summary>
    /// A failed attempt that may pass when repeated (429, 502, 503, 504, no answer in time, a failed or lost
    /// connection): why it failed, whether repeating it is safe, and whether it may have acted. One classification,
    /// read by the retry handler to decide and by <see cref="ApiFailures"/> to word the error.
    /// </summary>
    internal sealed class AttemptFailure
    {
        private AttemptFailure(ApiErrorKind kind, int? status, string reason, bool outcomeUnknown, bool safeToRepeat,
            bool mayHaveActed, TimeSpan? retryAfter)
        {
            Kind = kind;
            Status = status;
            Reason = reason;
            OutcomeUnknown = outcomeUnknown;
            SafeToRepeat = safeToRepeat;
            MayHaveActed = mayHaveActed;
            RetryAfter = retryAfter;
        }

        public ApiErrorKind Kind { get; }

        public int? Status { get; }

        /// <summary>What happened, e.g. "HTTP 503" or "no answer within 30 s".</summary>
        public string Reason { get; }

        /// <summary>Whether the request may have reached the service (whatever the method).</summary>
        public bool OutcomeUnknown { get; }

        public bool SafeToRepeat { get; }

        /// <summary>Whether the failed attempt may have reached the service and acted (a timeout, a lost answer, 502/504).</summary>
        public bool MayHaveActed { get; }

        /// <summary>The wait the server asked for (Retry-After), if any.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The failure an answer's status means, or null when the status is not one to retry.</summary>
        public static AttemptFailure? OfStatus(HttpResponseMessage response, ApiRequest request, HttpClock clock)
        {
            var status = (int)response.StatusCode;
            if (status != 429 && status != 502 && status != 503 && status != 504)
            {
                return null;
            }

            // 429 and 503 say the server refused before acting; 502 and 504 may come after the vendor acted.
            var refusedBeforeActing = status == 429 || status == 503;
            return new AttemptFailure(status == 429 ? ApiErrorKind.LimitsExceeded : ApiErrorKind.ServerError, status,
                $"HTTP {status}", outcomeUnknown: !refusedBeforeActing, safeToRepeat: request.IsIdempotent || refusedBeforeActing,
                mayHaveActed: !refusedBeforeActing, RetryAfterDelay(response.Headers.RetryAfter, clock));
        }

        /// <summary>
        /// The failure an exception of the send means (one not caused by the caller's cancellation), or null when it
        /// is none of the transient kinds.
        /// </summary>
        public static AttemptFailure? OfException(Exception exception, HttpCall call)
        {
            switch (exception)
            {
                case AnswerReadException { InnerException: OperationCanceledException } read:
                    return Transport(call, ApiErrorKind.Timeout, read.Status,
                        $"the answer did not complete within {call.Within}", outcomeUnknown: true);
                case AnswerReadException read:
                    return Transport(call, ApiErrorKind.ConnectionFailed, read.Status,
                        "the connection was lost while reading the answer", outcomeUnknown: true);
                case OperationCanceledException _:
                    return Transport(call, ApiErrorKind.Timeout, null, $"no answer within {call.Within}", outcomeUnknown: true);
                case HttpRequestException _:
                    var refused = IsConnectionRefused(exception);
                    return Transport(call, ApiErrorKind.ConnectionFailed, null,
                        refused ? "the connection was refused" : "the connection failed", outcomeUnknown: !refused);
                default:
                    return null;
            }
        }

        private static AttemptFailure Transport(HttpCall call, ApiErrorKind kind, int? status, string reason,
            bool outcomeUnknown) =>
            new AttemptFailure(kind, status, reason, outcomeUnknown, call.Request.IsIdempotent || !outcomeUnknown,
                mayHaveActed: outcomeUnknown, retryAfter: null);

        private static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? retryAfter, HttpClock clock)
        {
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                var wait = date - clock.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static bool IsConnectionRefused(Exception exception)
        {
            for (var inner = exception; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
