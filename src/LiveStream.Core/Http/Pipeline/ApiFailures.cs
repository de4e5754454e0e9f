using System;

namespace LiveStream.Http
{
    /// <summary>The wording of each failure the HTTP core reports, as the one exception type the clients throw.</summary>
    internal static class ApiFailures
    {
        /// <summary>A non-2xx answer; <paramref name="vendorMessage"/> is the vendor's own text, already redacted.</summary>
        public static LiveStreamApiException Status(HttpCall call, int status, string? vendorMessage)
        {
            var request = call.Request;
            var text = $"{call.VendorName} {request.Endpoint} failed with HTTP {status}" +
                (vendorMessage != null ? ": " + vendorMessage : ".");
            if (!text.EndsWith(".", StringComparison.Ordinal))
            {
                text += ".";
            }

            // 429 and 503 say the server refused before acting, and any other 4xx is a refusal; a 5xx (or a redirect)
            // may come after the vendor acted, so a create answered so has an unknown outcome and is looked up.
            var refusedBeforeActing = status == 429 || status == 503;
            return new LiveStreamApiException(KindOf(status), request.Endpoint, status, vendorMessage, text)
            {
                OutcomeUnknown = !request.IsIdempotent && !refusedBeforeActing && !(status >= 400 && status < 500),
            };
        }

        /// <summary>No answer, or no complete one: a timeout or a failed or lost connection.</summary>
        public static LiveStreamApiException Transport(HttpCall call, AttemptFailure failure, Exception inner)
        {
            var request = call.Request;
            var unknown = failure.OutcomeUnknown && !request.IsIdempotent;
            return new LiveStreamApiException(failure.Kind, request.Endpoint, failure.Status, null,
                $"{call.VendorName} {request.Endpoint} failed: {failure.Reason} ({call.Authority})." +
                (unknown ? " The request may have reached the service." : string.Empty), inner)
            {
                OutcomeUnknown = unknown,
            };
        }

        public static LiveStreamApiException TooLarge(HttpCall call, int status, long maxBytes)
        {
            var request = call.Request;
            return new LiveStreamApiException(ApiErrorKind.InvalidResponse, request.Endpoint, status, null,
                $"{call.VendorName} {request.Endpoint} answered with more than {maxBytes / (1024 * 1024)} MiB; " +
                "the answer was not read.")
            {
                OutcomeUnknown = !request.IsIdempotent && !(status >= 400 && status < 500),
            };
        }

        /// <summary>A 2xx answer whose body is not JSON. A create answered 2xx did act: its object is looked up.</summary>
        public static LiveStreamApiException NotJson(HttpCall call, int status, string description, Exception inner) =>
            new LiveStreamApiException(ApiErrorKind.InvalidResponse, call.Request.Endpoint, status, null,
                $"{call.VendorName} {call.Request.Endpoint} answered {status} with a body that is not valid JSON " +
                $"({description}).", inner)
            {
                OutcomeUnknown = !call.Request.IsIdempotent,
            };

        /// <summary>
        /// A call on a closed connection: NotConnected, whichever exception the closing caused (a disposed or cancelled
        /// HttpClient). <paramref name="sent"/> says whether the call had been sent.
        /// </summary>
        public static LiveStreamApiException Closed(ApiRequest request, string which, bool sent, Exception? inner)
        {
            var mayHaveActed = sent && !request.IsIdempotent
                ? " The request may have reached the service: check whether it took effect before repeating it."
                : string.Empty;
            return new LiveStreamApiException(ApiErrorKind.NotConnected, request.Endpoint, null, null,
                $"{which} was closed (disconnected, or replaced by a newer connection of the same name) " +
                $"{(sent ? "while" : "before")} {request.Endpoint} was sent.{mayHaveActed}", inner);
        }

        private static ApiErrorKind KindOf(int status) => status switch
        {
            401 => ApiErrorKind.AuthenticationFailed,
            403 => ApiErrorKind.PermissionDenied,
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            429 => ApiErrorKind.LimitsExceeded,
            _ when status >= 500 => ApiErrorKind.ServerError,
            _ when status >= 400 => ApiErrorKind.InvalidArgument,
            _ => ApiErrorKind.InvalidResponse,
        };
    }
}
