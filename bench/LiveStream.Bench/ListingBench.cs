using System.Diagnostics;
using System.Management.Automation;
using static LiveStream.Bench.Measure;

namespace LiveStream.Bench;

/// <summary>Paging: one session's events listed through the module, time to first object, rate and peak live memory.</summary>
internal static class ListingBench
{
    private const string Section = "Listing events (C#, hosted runspace)";

    /// <summary>A hundredth of <paramref name="events"/> and all of them: the rate, and the memory for 100x the events.</summary>
    public static async Task<List<BenchRow>> RateAndMemoryAsync(EmulatorSeeder seeder, BenchRunspace shell, int events)
    {
        var rows = new List<BenchRow>();
        var peaks = new Dictionary<int, long>();
        var heaps = new Dictionary<int, long>();
        foreach (var count in new[] { events / 100, events })
        {
            await seeder.ResetAsync();
            var sessionId = await seeder.SessionWithEventsAsync(count);
            var (first, total, seen) = ListOnce(shell, sessionId, Timeout.InfiniteTimeSpan);
            using (var memory = new PeakMemory())
            {
                ListOnce(shell, sessionId, Timeout.InfiniteTimeSpan);
                peaks[count] = memory.Stop();
                heaps[count] = memory.Baseline + peaks[count];
            }

            var rate = seen / total.TotalSeconds;
            rows.Add(new(Section, $"{seen} events: time to first object", Ms(first)));
            rows.Add(count == events
                ? new(Section, $"{seen} events: whole listing", $"{Ms(total)}: {rate:0} objects/s", ">= 20000 objects/s", rate >= 20_000)
                : new(Section, $"{seen} events: whole listing", $"{Ms(total)}: {rate:0} objects/s"));
            rows.Add(new(Section, $"{seen} events: peak live managed memory above baseline", MiB(peaks[count])));
        }

        // Above the baseline, a listing holds a page or two: at a hundredth of the events that is below what the
        // sampler resolves (0.00 MiB), so the growth is that of the whole live heap, the runspace and module included.
        var growth = (double)heaps[events] / heaps[events / 100];
        rows.Add(new(Section, "peak live managed heap of the process, 100x the events against a hundredth",
            $"{MiB(heaps[events])} vs {MiB(heaps[events / 100])}: {growth:0.00}x", "< 2x", growth < 2));
        return rows;
    }

    /// <summary>
    /// Many events (1,000,000) made and listed within <paramref name="limit"/> in all; past it the step stops and its
    /// row says so.
    /// </summary>
    public static async Task<List<BenchRow>> AtScaleAsync(EmulatorSeeder seeder, EmulatorProcess emulator,
        BenchRunspace shell, int events, TimeSpan limit)
    {
        await seeder.ResetAsync();
        var clock = Stopwatch.StartNew();
        var measure = $"{events} events made and listed (bounded: {limit.TotalMinutes:0} min)";
        try
        {
            var sessionId = await seeder.SessionWithEventsAsync(events, limit);
            var made = clock.Elapsed;
            var held = emulator.WorkingSetBytes;
            var (first, total, seen) = ListOnce(shell, sessionId, limit - made);
            var rate = seen / total.TotalSeconds;
            var whole = made + total;
            return
            [
                new(Section, $"{events} events: made in the emulator (/_emulator/sigma/events/generate)", Ms(made)),
                new(Section, $"{events} events: emulator working set once made", MiB(held)),
                new(Section, $"{seen} events: time to first object", Ms(first)),
                new(Section, $"{seen} events: whole listing", $"{Ms(total)}: {rate:0} objects/s"),
                new(Section, measure, $"{whole.TotalSeconds:0} s", $"within {limit.TotalMinutes:0} min", whole <= limit && seen == events),
            ];
        }
        catch (TimeoutException timeout)
        {
            Console.WriteLine($"FAILED: {measure}: {timeout.Message}");
            return [new(Section, measure, $"FAILED after {clock.Elapsed.TotalSeconds:0} s: {timeout.Message}",
                $"within {limit.TotalMinutes:0} min", false)];
        }
    }

    private static (TimeSpan First, TimeSpan Total, int Seen) ListOnce(BenchRunspace shell, string sessionId, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var first = TimeSpan.Zero;
        var seen = 0;
        using var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, _) =>
        {
            if (seen++ == 0)
            {
                first = clock.Elapsed;
            }

            output.Clear();
        };
        shell.Run("Get-LiveSessionEvent -SessionId $sessionId", output, limit, ("sessionId", sessionId));
        return (first, clock.Elapsed, seen);
    }
}
