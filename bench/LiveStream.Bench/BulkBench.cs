using System.Diagnostics;
using System.Management.Automation;
using static LiveStream.Bench.Measure;

namespace LiveStream.Bench;

/// <summary>Bulk work: stopping many channels with added latency, against the ideal (count x latency / throttle).</summary>
internal static class BulkBench
{
    private const string Section = "Bulk (C#, hosted runspace)";
    private const string StopPath = "^/api/livestream/channels/[^/]+/stop$";

    /// <summary>One thousand channels (or <paramref name="channels"/>) one at a time, at the default throttle and at 16.</summary>
    public static async Task<List<BenchRow>> ThrottlesAsync(EmulatorSeeder seeder, BenchRunspace shell, int channels,
        int latencyMs, int rounds)
    {
        await seeder.ResetAsync();
        var ids = await StartedChannelsAsync(seeder, channels);
        await seeder.AddLatencyAsync("DELETE", StopPath, latencyMs);
        var one = Time(() => shell.Run("$ids | Stop-LiveChannel -ThrottleLimit 1 -Confirm:$false", ("ids", ids)));
        var byDefault = new List<TimeSpan>();
        var sixteen = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            await seeder.StartAsync(ids);
            byDefault.Add(Time(() => shell.Run("$ids | Stop-LiveChannel -Confirm:$false", ("ids", ids))));
            await seeder.StartAsync(ids);
            sixteen.Add(Time(() => shell.Run("$ids | Stop-LiveChannel -ThrottleLimit 16 -Confirm:$false", ("ids", ids))));
        }

        await seeder.ClearFaultsAsync();
        var ideal = Ideal(channels, latencyMs, 16);
        var idealDefault = Ideal(channels, latencyMs, 4);
        var ratio = Median(sixteen) / ideal;
        return
        [
            new(Section, $"stop {channels} channels at {latencyMs} ms, -ThrottleLimit 1", Ms(one)),
            new(Section, $"stop {channels} channels at {latencyMs} ms, default -ThrottleLimit (4; median of {rounds})",
                $"{Spread(byDefault)}: {Median(byDefault) / idealDefault:0.00}x ideal ({Ms(idealDefault)})"),
            new(Section, $"stop {channels} channels at {latencyMs} ms, -ThrottleLimit 16 (median of {rounds})",
                $"{Spread(sixteen)}: {ratio:0.00}x ideal ({Ms(ideal)})", "<= 1.3x ideal", ratio <= 1.3),
        ];
    }

    /// <summary>
    /// Many channels (10,000) at 64: timed rounds, then one round with -PassThru that checks the output's order and
    /// samples the live heap, against the same for a tenth of the channels. What bounds it: the same stop at 0 ms (the
    /// floor the machine's processors set), and the processor time both processes use in the timed rounds.
    /// </summary>
    public static async Task<List<BenchRow>> AtScaleAsync(EmulatorSeeder seeder, EmulatorProcess emulator,
        BenchRunspace shell, int channels, int latencyMs, int rounds, TimeSpan limit)
    {
        await seeder.ResetAsync();
        var ids = await StartedChannelsAsync(seeder, channels);
        const string stop = "$ids | Stop-LiveChannel -ThrottleLimit 64 -Confirm:$false";
        var floor = Time(() => shell.Run(stop, null, limit, ("ids", ids)));
        await seeder.AddLatencyAsync("DELETE", StopPath, latencyMs);
        var times = new List<TimeSpan>();
        var (benchCpu, emulatorCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var round = 0; round < rounds; round++)
        {
            await seeder.StartAsync(ids);
            var (benchBefore, emulatorBefore) = (Process.GetCurrentProcess().TotalProcessorTime, emulator.ProcessorTime);
            times.Add(Time(() => shell.Run(stop, null, limit, ("ids", ids))));
            benchCpu += Process.GetCurrentProcess().TotalProcessorTime - benchBefore;
            emulatorCpu += emulator.ProcessorTime - emulatorBefore;
        }

        var tenth = ids.Take(channels / 10).ToArray();
        await seeder.StartAsync(tenth);
        var (_, smallPeak, smallHeap) = StopInOrder(shell, tenth, limit);
        await seeder.StartAsync(ids);
        var (inOrder, peak, heap) = StopInOrder(shell, ids, limit);
        await seeder.ClearFaultsAsync();

        var ideal = Ideal(channels, latencyMs, 64);
        var ratio = Median(times) / ideal;
        // Below a MiB the stop's own memory is sampler noise (a tenth of the channels has measured 0.39 to 1.08 MiB), so
        // the growth claimed is that of the process's whole live heap, runspace and module included, as for listings.
        var growth = (double)heap / Math.Max(1, smallHeap);
        return
        [
            new(Section, $"stop {channels} channels at {latencyMs} ms, -ThrottleLimit 64 (median of {rounds})",
                $"{Spread(times)}: {ratio:0.00}x ideal ({Ms(ideal)})", "<= 1.3x ideal", ratio <= 1.3),
            new(Section, $"the same at 0 ms latency (the floor this machine's processors set; one run)", Ms(floor)),
            new(Section, $"processor time per timed round at {latencyMs} ms: benchmark process (module, engine), emulator",
                $"{benchCpu.TotalSeconds / rounds:0.0} s, {emulatorCpu.TotalSeconds / rounds:0.0} s " +
                $"({Environment.ProcessorCount} cores x {Median(times).TotalSeconds:0.0} s wall = {Environment.ProcessorCount * Median(times).TotalSeconds:0.0} s)"),
            new(Section, $"stop {channels} channels -PassThru: output in input order", inOrder ? "yes" : "NO", "yes", inOrder),
            new(Section, $"stop {channels} vs {tenth.Length} channels -PassThru: peak live managed heap of the process " +
                "(above the baseline in brackets)",
                $"{MiB(heap)} vs {MiB(smallHeap)} ({MiB(peak)} vs {MiB(smallPeak)}): {growth:0.00}x for 10x the channels",
                "< 2x", growth < 2),
        ];
    }

    private static async Task<string[]> StartedChannelsAsync(EmulatorSeeder seeder, int count) =>
        (await seeder.CreateChannelsAsync(count, start: true)).Select(channel => (string)channel["id"]!).ToArray();

    private static TimeSpan Ideal(int count, int latencyMs, int throttle) =>
        TimeSpan.FromMilliseconds((double)count * latencyMs / throttle);

    private static (bool InOrder, long Peak, long Heap) StopInOrder(BenchRunspace shell, string[] ids, TimeSpan limit)
    {
        var seen = 0;
        var inOrder = true;
        using var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, _) =>
        {
            foreach (var item in output.ReadAll())
            {
                inOrder &= seen < ids.Length && (string?)item.Properties["Id"]?.Value == ids[seen];
                seen++;
            }
        };
        using var memory = new PeakMemory();
        shell.Run("$ids | Stop-LiveChannel -ThrottleLimit 64 -PassThru -Confirm:$false", output, limit, ("ids", ids));
        var peak = memory.Stop();
        return (inOrder && seen == ids.Length, peak, memory.Baseline + peak);
    }
}
