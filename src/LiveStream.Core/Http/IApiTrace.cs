namespace LiveStream.Http
{
    /// <summary>Where the HTTP core reports what it does. Messages are already free of secrets.</summary>
    public interface IApiTrace
    {
        /// <summary>Whether anyone reads verbose messages; when not, the HTTP core does not build them.</summary>
        bool WantsVerbose { get; }

        /// <summary>Whether anyone reads debug messages (request and answer bodies, redacted); when not, they are not built.</summary>
        bool WantsDebug { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);
    }
}
