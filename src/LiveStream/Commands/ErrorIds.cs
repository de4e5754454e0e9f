namespace LiveStream.Commands
{
    /// <summary>
    /// The ErrorIds the cmdlets give input and state problems; a vendor failure's ErrorId is "LiveStream." and its
    /// ApiErrorKind. Documented in docs/about_LiveStream.md; scripts may rely on them.
    /// </summary>
    internal static class ErrorIds
    {
        public const string AmbiguousConnection = "LiveStream.AmbiguousConnection";
        public const string ConnectionNotFound = "LiveStream.ConnectionNotFound";
        public const string IngestorAlreadySelected = "LiveStream.IngestorAlreadySelected";
        public const string InsecureBaseUri = "LiveStream.InsecureBaseUri";
        public const string InvalidArgument = "LiveStream.InvalidArgument";
        public const string InvalidBaseUri = "LiveStream.InvalidBaseUri";
        public const string InvalidCredential = "LiveStream.InvalidCredential";
        public const string InvalidId = "LiveStream.InvalidId";
        public const string InvalidPattern = "LiveStream.InvalidPattern";
        public const string NoSession = "LiveStream.NoSession";
        public const string NotConnected = "LiveStream.NotConnected";
        public const string NotFound = "LiveStream.NotFound";
        public const string NotStarted = "LiveStream.NotStarted";
        public const string NotSupported = "LiveStream.NotSupported";
        public const string ParameterNotSupported = "LiveStream.ParameterNotSupported";
        public const string WaitTimeout = "LiveStream.WaitTimeout";
        public const string WrongVendor = "LiveStream.WrongVendor";
    }
}
