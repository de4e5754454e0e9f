namespace LiveStream.Http
{
    /// <summary>What went wrong with a vendor call, independent of the vendor.</summary>
    public enum ApiErrorKind
    {
        AuthenticationFailed,
        PermissionDenied,
        NotFound,
        InvalidArgument,
        Conflict,
        LimitsExceeded,
        ServerError,
        ConnectionFailed,
        Timeout,
        InvalidResponse,

        /// <summary>A create whose answer was lost: whether it took effect could not be established.</summary>
        OutcomeUnknown,

        /// <summary>The connection was closed (disconnected, or replaced) before or while the call was made.</summary>
        NotConnected,
    }
}
