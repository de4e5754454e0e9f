using System.Diagnostics;

namespace LiveStream.Bench;

/// <summary>Timing and the figures' text.</summary>
internal static class Measure
{
    public static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    public static TimeSpan Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2);

    public static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:0} ms";

    /// <summary>"median ms (min-max)" of several rounds.</summary>
    public static string Spread(List<TimeSpan> samples) => samples.Count == 1
        ? Ms(samples[0])
        : $"{Ms(Median(samples))} ({samples.Min().TotalMilliseconds:0}-{samples.Max().TotalMilliseconds:0})";

    public static string MiB(long bytes) => $"{bytes / 1024.0 / 1024.0:0.00} MiB";
}
