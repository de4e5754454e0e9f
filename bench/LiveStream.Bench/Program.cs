using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using LiveStream.Bench;
using LiveStream.Emulator;

// The LiveStream benchmark: the module against the emulator over loopback, each comparison measured side by side in
// one run. Usage (from the repository root):
//   dotnet run -c Release --project bench/LiveStream.Bench -- [--calls 2000] [--channels 1000] [--latency-ms 20]
//       [--events 100000] [--import-runs 7] [--out docs/benchmarks.md]
if (args.Contains("--import-probe"))
{
    Console.WriteLine(ImportOnce().TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
    return 0;
}

var calls = Option("--calls", 2000);
var channels = Option("--channels", 1000);
var latencyMs = Option("--latency-ms", 20);
var events = Option("--events", 100_000);
var importRuns = Option("--import-runs", 7);
var outPath = OptionText("--out", "docs/benchmarks.md");
var account = new EmulatorOptions().Sigma;
var rows = new List<(string Measure, string Result, string Target)>();

await using var emulator = await EmulatorProcess.StartAsync();
using var seeder = new EmulatorSeeder(emulator.BaseUri, account);
using var shell = new BenchRunspace(emulator.BaseUri, account);
Console.WriteLine($"Emulator at {emulator.BaseUri}");

// 1. Per-call cost: the module vs a plain reused HttpClient, the same requests one after another.
{
    await seeder.ResetAsync();
    var id = (string)(await seeder.CreateChannelsAsync(1, start: false))[0]["id"]!;
    var ids = Enumerable.Repeat(id, calls).ToArray();
    using var http = EmulatorSeeder.CreateClient(emulator.BaseUri, account);
    shell.Run("$ids | Get-LiveChannel -ThrottleLimit 1 | Out-Null", ("ids", ids.Take(200).ToArray()));
    await RawGetsAsync(http, id, 200);

    // Three rounds, the three ways in turn, and the median of each: a burst of other load on the machine then skews
    // one sample, not the comparison.
    var rawTimes = new List<TimeSpan>();
    var pipedTimes = new List<TimeSpan>();
    var loopedTimes = new List<TimeSpan>();
    for (var round = 0; round < 3; round++)
    {
        rawTimes.Add(await TimeAsync(() => RawGetsAsync(http, id, calls)));
        pipedTimes.Add(Time(() => shell.Run("$ids | Get-LiveChannel -ThrottleLimit 1 | Out-Null", ("ids", ids))));
        loopedTimes.Add(Time(() => shell.Run("foreach ($i in $ids) { Get-LiveChannel -Id $i | Out-Null }", ("ids", ids))));
    }

    var raw = Median(rawTimes);
    var piped = Median(pipedTimes);
    var looped = Median(loopedTimes);
    rows.Add(($"{calls} GETs, plain HttpClient (one after another; median of 3)", Ms(raw), "baseline"));
    rows.Add(($"{calls} ids piped to Get-LiveChannel -ThrottleLimit 1", $"{Ms(piped)} ({piped / raw:0.00}x)", "<= 1.15x"));
    rows.Add(($"{calls} separate Get-LiveChannel -Id calls in a foreach loop", $"{Ms(looped)} ({looped / raw:0.00}x)", "(for reference)"));
}

// 2. Bulk: stop channels with added latency, one at a time vs 16 at a time, against the ideal.
{
    await seeder.ResetAsync();
    var ids = (await seeder.CreateChannelsAsync(channels, start: true)).Select(channel => (string)channel["id"]!).ToArray();
    await seeder.AddLatencyAsync("DELETE", "^/api/livestream/channels/[^/]+/stop$", latencyMs);
    var one = Time(() => shell.Run("$ids | Stop-LiveChannel -ThrottleLimit 1 -Confirm:$false", ("ids", ids)));
    var sixteenTimes = new List<TimeSpan>();
    for (var round = 0; round < 3; round++)
    {
        await seeder.StartAsync(ids);
        sixteenTimes.Add(Time(() => shell.Run("$ids | Stop-LiveChannel -ThrottleLimit 16 -Confirm:$false", ("ids", ids))));
    }

    var sixteen = Median(sixteenTimes);
    await seeder.ClearFaultsAsync();
    var ideal = TimeSpan.FromMilliseconds((double)channels * latencyMs / 16);
    rows.Add(($"stop {channels} channels at {latencyMs} ms, -ThrottleLimit 1", Ms(one), "(for reference)"));
    rows.Add(($"stop {channels} channels at {latencyMs} ms, -ThrottleLimit 16 (median of 3)", $"{Ms(sixteen)} ({sixteen / ideal:0.00}x ideal)", "<= 1.3x ideal"));
    rows.Add(($"ideal: {channels} x {latencyMs} ms / 16", Ms(ideal), ""));
}

// 3. Paging: a small and a large event list, time to first object, rate, and peak managed memory.
{
    var peaks = new Dictionary<int, long>();
    foreach (var count in new[] { events / 100, events })
    {
        await seeder.ResetAsync();
        var sessionId = await seeder.SessionWithEventsAsync(count);
        var (first, total, peak, seen) = MeasureListing(shell, sessionId);
        peaks[count] = peak;
        rows.Add(($"{seen} events: time to first object", Ms(first), ""));
        rows.Add(($"{seen} events: whole listing", $"{Ms(total)} ({seen / total.TotalSeconds:0} objects/s)", ""));
        rows.Add(($"{seen} events: peak live managed memory above baseline", $"{peak / 1024.0 / 1024.0:0.00} MiB", ""));
    }

    var growth = (double)peaks[events] / Math.Max(1, peaks[events / 100]);
    rows.Add(($"peak live memory growth for 100x the events", $"{growth:0.00}x", "< 2x"));
}

// 4. Cold Import-Module: a fresh process each time.
{
    var samples = new List<double>();
    for (var i = 0; i < importRuns; i++)
    {
        samples.Add(ImportInFreshProcess());
    }

    samples.Sort();
    rows.Add(($"cold Import-Module, median of {importRuns} fresh processes", $"{samples[samples.Count / 2]:0} ms " +
        $"(min {samples[0]:0}, max {samples[^1]:0})", ""));
}

var report = Report(rows, calls, channels, latencyMs, events, importRuns);
Console.WriteLine(report);
if (!string.IsNullOrEmpty(outPath))
{
    File.WriteAllText(outPath, report);
    Console.WriteLine($"Written to {Path.GetFullPath(outPath)}");
}

return 0;

// Two runs of the same listing: one timed, and one in which a sampler forces a full collection every 20 ms and keeps
// the largest live heap it sees above the baseline, so that garbage the collector has not reclaimed yet (whose amount
// depends on its budget, not on the module) does not count.
static (TimeSpan First, TimeSpan Total, long Peak, int Seen) MeasureListing(BenchRunspace shell, string sessionId)
{
    var (first, total, seen) = ListOnce(shell, sessionId);
    var baseline = GC.GetTotalMemory(true);
    var peak = 0L;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(() =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
            Thread.Sleep(20);
        }
    });
    ListOnce(shell, sessionId);
    sampling.Cancel();
    sampler.Wait();
    return (first, total, peak, seen);
}

static (TimeSpan First, TimeSpan Total, int Seen) ListOnce(BenchRunspace shell, string sessionId)
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
    shell.Run("Get-LiveSessionEvent -SessionId $sessionId", output, ("sessionId", sessionId));
    return (first, clock.Elapsed, seen);
}

static async Task RawGetsAsync(HttpClient http, string id, int count)
{
    for (var i = 0; i < count; i++)
    {
        using var response = await http.GetAsync($"api/livestream/channels/{id}");
        response.EnsureSuccessStatusCode();
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

static TimeSpan ImportOnce()
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddCommand("Import-Module").AddParameter("Name", Path.Combine(AppContext.BaseDirectory, "LiveStream.psd1"));
    var clock = Stopwatch.StartNew();
    shell.Invoke();
    return clock.Elapsed;
}

static double ImportInFreshProcess()
{
    var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LiveStream.Bench.dll"), "--import-probe"])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    using var process = Process.Start(start)!;
    var text = process.StandardOutput.ReadToEnd().Trim();
    process.WaitForExit();
    return double.Parse(text.Split('\n')[^1], CultureInfo.InvariantCulture);
}

static TimeSpan Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2);

static TimeSpan Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed;
}

static async Task<TimeSpan> TimeAsync(Func<Task> action)
{
    var clock = Stopwatch.StartNew();
    await action();
    return clock.Elapsed;
}

static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:0} ms";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

string OptionText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

string Report(List<(string Measure, string Result, string Target)> results, int callCount, int channelCount, int latency,
    int eventCount, int imports)
{
    var text = new StringBuilder();
    text.AppendLine("# LiveStream benchmarks").AppendLine();
    text.AppendLine($"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    text.AppendLine($"- Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, PowerShell engine " +
        $"{typeof(PSObject).Assembly.GetName().Version}");
    text.AppendLine($"- Command: `dotnet run -c Release --project bench/LiveStream.Bench -- --calls {callCount} --channels {channelCount} " +
        $"--latency-ms {latency} --events {eventCount} --import-runs {imports}`");
    text.AppendLine("- The emulator runs in a process of its own on loopback; the module runs in a hosted runspace in the benchmark process.")
        .AppendLine();
    text.AppendLine("| measure | result | target |").AppendLine("|---|---|---|");
    foreach (var (measure, result, target) in results)
    {
        text.AppendLine($"| {measure} | {result} | {target} |");
    }

    return text.ToString();
}
