namespace LiveStream.Http
{
    /// <summary>Where the HTTP core reports what it does. Messages are already free of secrets.</summary>
    public interface IApiTrace
    {
        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);
    }
}
