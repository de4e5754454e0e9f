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

        /// <summary>
        /// What to do about this failure in particular, when the client knows better than <see cref="RecommendedAction"/>.
        /// The message says what happened; the advice is kept apart so that it is shown once.
        /// </summary>
        public string? Advice { get; init; }

        /// <summary>This failure, marked as the repeat of an attempt that may have acted.</summary>
        internal LiveStreamApiException AfterAttemptThatMayHaveActed() =>
            EarlierAttemptMayHaveActed
                ? this
                : new LiveStreamApiException(Kind, Endpoint, StatusCode, VendorMessage, Message, InnerException)
                {
                    OutcomeUnknown = OutcomeUnknown,
                    EarlierAttemptMayHaveActed = true,
                    Advice = Advice,
                };

        public static string RecommendedAction(ApiErrorKind kind) => kind switch
        {
            ApiErrorKind.AuthenticationFailed => "Check the credential and run Connect-LiveStream again.",
            ApiErrorKind.PermissionDenied => "The account lacks the right for this object or action; use a connection of the account that owns it.",
            ApiErrorKind.NotFound => "Check the id (Get-LiveChannel lists what exists) and the connection it belongs to.",
            ApiErrorKind.InvalidArgument => "Correct the parameter values named in the message and try again.",
            ApiErrorKind.Conflict => "The object is in a state that does not allow this action; read it again and retry when its state allows.",
            ApiErrorKind.LimitsExceeded => "A vendor limit was reached; free a resource or wait and try again.",
            ApiErrorKind.ServerError => "The vendor service failed; try again later.",
            ApiErrorKind.ConnectionFailed => "Check the network and the connection's BaseUri (Get-LiveStreamConnection).",
            ApiErrorKind.Timeout => "The call took longer than the connection's timeout; retry, or connect again with a larger -TimeoutSec (Connect-LiveStream).",
            ApiErrorKind.InvalidResponse => "The service answered with data the module cannot read; retry, and report it if it persists.",
            ApiErrorKind.OutcomeUnknown => "Check whether the object exists (Get-LiveChannel -Name <name>) before creating it again.",
            ApiErrorKind.NotConnected => "Run Connect-LiveStream again, then pass the new connection with -Connection or read the objects again through it.",
            _ => "Try again.",
        };
    }
}
