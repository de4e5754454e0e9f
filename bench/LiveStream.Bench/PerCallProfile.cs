using System.Diagnostics;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Sigma;
using static LiveStream.Bench.Measure;

namespace LiveStream.Bench;

/// <summary>
/// Where the per-call cost goes, layer by layer, the layers measured in turn in each round: a plain HttpClient; the
/// same with the module's handler chain alone (LiveStream.Core's SigmaClient called from C#, no PowerShell); those
/// calls each waited for by a thread that blocks until a continuation wakes it (what the cmdlet's pipeline thread does);
/// the cmdlet piped with -ThrottleLimit 1; and PowerShell piping the ids through a script block. Time and bytes allocated in this process per GET; the difference between two
/// layers is what the outer one adds.
/// </summary>
internal static class PerCallProfile
{
    public static async Task<List<BenchRow>> RunAsync(EmulatorSeeder seeder, BenchRunspace shell, Uri baseUri,
        SigmaAccount account, int calls, int rounds)
    {
        await seeder.ResetAsync();
        var id = (string)(await seeder.CreateChannelsAsync(1, start: false))[0]["id"]!;
        var ids = Enumerable.Repeat(id, calls).ToArray();
        using var http = EmulatorSeeder.CreateClient(baseUri, account);
        using var core = new VendorHttpClient("Sigma", baseUri,
            new SigmaAuthenticator(account.AppId, account.UserName, SecretText(account.SecretKey)), new HttpSettings());
        var sigma = new SigmaClient(core);

        var layers = new (string Name, Func<Task> Run)[]
        {
            ("plain HttpClient", async () =>
            {
                for (var i = 0; i < calls; i++)
                {
                    using var response = await http.GetAsync($"api/livestream/channels/{id}");
                    using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                }
            }),
            ("LiveStream.Core SigmaClient.GetChannelAsync", async () =>
            {
                for (var i = 0; i < calls; i++)
                {
                    await sigma.GetChannelAsync(id, CancellationToken.None);
                }
            }),
            ("the same Core calls, each waited for by a blocked thread as the pipeline thread waits", () =>
                OnOwnThread(() =>
                {
                    using var wakeUp = new SemaphoreSlim(0);
                    for (var i = 0; i < calls; i++)
                    {
                        var call = sigma.GetChannelAsync(id, CancellationToken.None);
                        call.ContinueWith(_ => wakeUp.Release(), CancellationToken.None,
                            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                        wakeUp.Wait();
                        call.GetAwaiter().GetResult();
                    }
                })),
            ("piped Get-LiveChannel -ThrottleLimit 1", () =>
            {
                shell.Run("$ids | Get-LiveChannel -ThrottleLimit 1 | Out-Null", ("ids", ids));
                return Task.CompletedTask;
            }),
            ("piped ids to a script block that writes them (PowerShell's own cost per item)", () =>
            {
                shell.Run("$ids | ForEach-Object { $_ } | Out-Null", ("ids", ids));
                return Task.CompletedTask;
            }),
        };

        var times = layers.Select(_ => new List<TimeSpan>()).ToArray();
        var bytes = new double[layers.Length];
        foreach (var layer in layers)
        {
            await layer.Run();
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < layers.Length; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await layers[i].Run();
                times[i].Add(clock.Elapsed);
                bytes[i] += (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls / rounds;
            }
        }

        const string section = "Per call profile (C#, in process)";
        var baseline = Median(times[0]);
        return layers.Select((layer, i) => new BenchRow(section, $"{calls} GETs: {layer.Name} (median of {rounds})",
            $"{Spread(times[i])}: {Median(times[i]) / baseline:0.00}x, {Median(times[i]).TotalMilliseconds * 1000 / calls:0} µs " +
            $"and {bytes[i]:0} bytes per GET", "")).ToList();
    }

    private static Task OnOwnThread(Action work)
    {
        var thread = new Thread(() => work());
        thread.Start();
        return Task.Run(thread.Join);
    }

    private static System.Security.SecureString SecretText(string plain)
    {
        var secure = new System.Security.SecureString();
        foreach (var character in plain)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
