using System;

namespace LiveStream.Http
{
    /// <summary>
    /// The one failure type of the vendor clients: what kind of failure, which call, the HTTP status and the vendor's own
    /// message. Its text never carries a credential.
    /// </summary>
    public sealed class LiveStreamApiException : Exception
    {
        public LiveStreamApiException(ApiErrorKind kind, string endpoint, int? statusCode, string? vendorMessage,
            string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Endpoint = endpoint;
            StatusCode = statusCode;
            VendorMessage = vendorMessage;
        }

        public ApiErrorKind Kind { get; }

        /// <summary>Method and path of the call, e.g. "GET /api/livestream/channels/{id}".</summary>
        public string Endpoint { get; }

        public int? StatusCode { get; }

        public string? VendorMessage { get; }

        /// <summary>The stable ErrorId that PowerShell error records carry for this failure.</summary>
        public string ErrorId => "LiveStream." + Kind;

        /// <summary>True when the request may have reached the server and its effect is unknown.</summary>
        public bool OutcomeUnknown { get; init; }

        /// <summary>
        /// True when this failure came from a repeat of a call whose earlier attempt may have acted (its answer was lost):
        /// a refusal that means "already so" (409 already active, 404 gone) may then be that attempt's own effect.
        /// </summary>
        public bool EarlierAttemptMayHaveActed { get; init; }

        /// <summary>The name of the object the call was about, when the message names one (a create's channel name).</summary>
        public string? Subject { get; init; }

        /// <summary>This failure, marked as the repeat of an attempt that may have acted.</summary>
        internal LiveStreamApiException AfterAttemptThatMayHaveActed() =>
            EarlierAttemptMayHaveActed
                ? this
                : new LiveStreamApiException(Kind, Endpoint, StatusCode, VendorMessage, Message, InnerException)
                {
                    OutcomeUnknown = OutcomeUnknown,
                    EarlierAttemptMayHaveActed = true,
                    Subject = Subject,
                };
    }
}
