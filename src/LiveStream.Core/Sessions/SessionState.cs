namespace LiveStream.Sessions
{
    /// <summary>The states of a broadcast that callers wait for.</summary>
    public enum SessionState
    {
        Live,
        Ended,
    }
}
