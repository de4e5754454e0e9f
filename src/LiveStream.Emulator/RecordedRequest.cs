namespace LiveStream.Emulator;

/// <summary>One request as it arrived, for tests that check what went on the wire.</summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    Dictionary<string, string> Headers,
    string Body)
{
    /// <summary>How many vendor requests the emulator was handling when this one arrived, itself included.</summary>
    public int InFlight { get; init; } = 1;
}
