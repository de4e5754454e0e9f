namespace LiveStream.Emulator;

/// <summary>Real time plus an offset that tests move forward through /_emulator/clock/advance.</summary>
public sealed class EmulatorClock
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    /// <summary>The vendors' timestamp form: ISO 8601 in UTC with milliseconds, e.g. 2024-07-22T10:34:36.772Z.</summary>
    public string Stamp() => Format(UtcNow);

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
