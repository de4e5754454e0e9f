using System.Net.Http.Json;
using LiveStream.Emulator;

namespace LiveStream.Tests.Infrastructure;

/// <summary>
/// An emulator on a free loopback port for one test class, with secrets distinctive enough that a leak scan of every
/// stream can look for them.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string SigmaSecret = "SIGMA-s3cret-Key-4f1d9a";
    public const string ThetaSecretA = "THETA-s3cret-A-7b2e61c0";
    public const string ThetaSecretB = "THETA-s3cret-B-90ad3f55";

    public LiveStreamEmulator Emulator { get; private set; } = null!;

    public Uri BaseUri => Emulator.BaseUri;

    public EmulatorState State => Emulator.State;

    public SigmaAccount Sigma => Emulator.Options.Sigma;

    public ThetaAccount ThetaA => Emulator.Options.Theta[0];

    public ThetaAccount ThetaB => Emulator.Options.Theta[1];

    /// <summary>The control endpoints, called over HTTP as a test or a user's script would.</summary>
    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            Sigma = new SigmaAccount("0c787e24-87a3-47da-a131-e8310f35aff7", "test-user", SigmaSecret),
            Theta =
            [
                new ThetaAccount("srvacc_testaccount0000000000000a", ThetaSecretA),
                new ThetaAccount("srvacc_testaccount0000000000000b", ThetaSecretB),
            ],
        };
        Emulator = await LiveStreamEmulator.StartAsync(options);
        Control = new HttpClient { BaseAddress = Emulator.BaseUri };
    }

    public async Task ResetAsync() => (await Control.PostAsync("_emulator/reset", null)).EnsureSuccessStatusCode();

    public async Task AddFaultAsync(FaultRule rule) =>
        (await Control.PostAsJsonAsync("_emulator/faults", rule)).EnsureSuccessStatusCode();

    public async Task AdvanceClockAsync(TimeSpan by) =>
        (await Control.PostAsJsonAsync("_emulator/clock/advance", new { seconds = by.TotalSeconds })).EnsureSuccessStatusCode();

    public IReadOnlyList<RecordedRequest> Requests(string? pathStartsWith = null) =>
        State.Requests.Where(request => pathStartsWith == null || request.Path.StartsWith(pathStartsWith, StringComparison.Ordinal))
            .ToList();

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Emulator.DisposeAsync();
    }
}
