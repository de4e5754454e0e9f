using System.Globalization;
using System.Text.Json;
using LiveStream.Bench;
using LiveStream.Emulator;

// The C# part of the LiveStream benchmark: the module in a hosted runspace against the emulator (a process of its
// own) over loopback, each comparison measured side by side in one run. bench/Run-Benchmarks.ps1 runs it with the
// pwsh part and writes docs/benchmarks.md. Alone (from the repository root):
//   dotnet run -c Release --project bench/LiveStream.Bench -- [--quick] [--calls 2000] [--rounds 5] [--channels 1000]
//       [--bulk-channels 10000] [--latency-ms 20] [--events 100000] [--big-events 1000000] [--big-limit-min 10]
//       [--import-runs 7] [--steps per-call,per-call-profile,throttles,bulk-at-scale,listing,listing-at-scale,import] [--results results.json]
// Every loop is bounded in count; the listing of the big list and its making are bounded in time too.
if (args.Contains("--import-probe"))
{
    Console.WriteLine(ImportBench.ImportOnce().TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
    return 0;
}

var quick = args.Contains("--quick");
var calls = Option("--calls", quick ? 200 : 2000);
var rounds = Option("--rounds", quick ? 1 : 5);
var channels = Option("--channels", quick ? 100 : 1000);
var bulkChannels = Option("--bulk-channels", quick ? 640 : 10_000);
var latencyMs = Option("--latency-ms", 20);
var events = Option("--events", quick ? 10_000 : 100_000);
var bigEvents = Option("--big-events", quick ? 20_000 : 1_000_000);
var bigLimit = TimeSpan.FromMinutes(Option("--big-limit-min", quick ? 2 : 10));
var importRuns = Option("--import-runs", quick ? 2 : 7);
var resultsPath = OptionText("--results", string.Empty);
var account = new EmulatorOptions().Sigma;
var rows = new List<BenchRow>();
var stepLimit = TimeSpan.FromMinutes(10);
var steps = OptionText("--steps", "per-call,per-call-profile,throttles,bulk-at-scale,listing,listing-at-scale,import").Split(',');

await using var emulator = await EmulatorProcess.StartAsync();
using var seeder = new EmulatorSeeder(emulator.BaseUri, account);
using var shell = new BenchRunspace(emulator.BaseUri, account);
Console.WriteLine($"Emulator at {emulator.BaseUri}");

await Step("per-call", () => PerCallBench.RunAsync(seeder, shell, emulator.BaseUri, account, calls, rounds));
await Step("per-call-profile", () => PerCallProfile.RunAsync(seeder, shell, emulator.BaseUri, account, calls, rounds));
await Step("throttles", () => BulkBench.ThrottlesAsync(seeder, shell, channels, latencyMs, Math.Min(rounds, 3)));
await Step("bulk-at-scale", () => BulkBench.AtScaleAsync(seeder, emulator, shell, bulkChannels, latencyMs, Math.Min(rounds, 3), stepLimit));
await Step("listing", () => ListingBench.RateAndMemoryAsync(seeder, shell, events));
await Step("listing-at-scale", () => ListingBench.AtScaleAsync(seeder, emulator, shell, bigEvents, bigLimit));
await Step("import", () => Task.FromResult(new List<BenchRow> { ImportBench.Run(importRuns) }));

if (!string.IsNullOrEmpty(resultsPath))
{
    File.WriteAllText(resultsPath, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Results written to {Path.GetFullPath(resultsPath)}");
}

return rows.Any(row => row.Result.StartsWith("FAILED", StringComparison.Ordinal)) ? 1 : 0;

// A step that throws becomes one FAILED row; the steps after it still run. --steps picks some of them by name.
async Task Step(string name, Func<Task<List<BenchRow>>> step)
{
    if (!steps.Contains(name))
    {
        return;
    }

    try
    {
        foreach (var row in await step())
        {
            Console.WriteLine($"{row.Section} | {row.Measure} | {row.Result} | {row.Target}");
            rows.Add(row);
        }
    }
    catch (Exception failure) when (failure is TimeoutException or InvalidOperationException or HttpRequestException)
    {
        Console.WriteLine($"FAILED: {failure.Message}");
        rows.Add(new BenchRow("Failed steps", failure.GetType().Name, "FAILED: " + failure.Message, "", false));
    }
}

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
