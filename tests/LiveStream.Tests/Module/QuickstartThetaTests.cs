using LiveStream.Emulator;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The quickstart's Theta part: a stream through the channel cmdlets, started, shown and stopped.</summary>
public sealed class QuickstartThetaTests
{
    [Fact]
    public async Task The_quickstart_creates_a_stream_starts_it_shows_the_OBS_settings_and_stops_it_and_a_second_run_reuses_the_stream()
    {
        await using var emulator = await LiveStreamEmulator.StartAsync(
            new EmulatorOptions { Url = "http://127.0.0.1:0", SimulatedEncoderDelayMs = 300 });
        using var theta = new ThetaDriver(emulator);
        var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");

        var runs = new List<PsResult>();
        foreach (var _ in new[] { 1, 2 })
        {
            using var shell = new PsRunspace();
            runs.Add(shell.Run("& $script -BaseUri $baseUri | Out-Default", ("script", script), ("baseUri", emulator.BaseUri)));
        }

        foreach (var result in runs)
        {
            result.AssertSuccess();
            Assert.Empty(result.Warnings);
            Assert.Contains("Server: rtmp://35.226.139.216:1935/live", result.HostText);
            Assert.Matches("Stream Key: [A-Za-z0-9]{32}", result.HostText);
            Assert.Contains("0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A", result.HostText);
        }

        var stream = Assert.Single(emulator.State.Theta.Streams);
        Assert.Equal("quickstart-theta", (string?)stream["name"]);
        Assert.Single(emulator.State.Requests, request => request.Method == "POST" && request.Path == "/stream");
        var selects = emulator.State.Requests.Where(request => request.Path.EndsWith("/select")).ToList();
        var releases = emulator.State.Requests.Where(request => request.Path.EndsWith("/unselect")).ToList();
        Assert.Equal(2, selects.Count);
        Assert.Equal(selects.Select(select => select.Path.Replace("/select", "/unselect")), releases.Select(release => release.Path));
        Assert.Null((await theta.GetStreamAsync(theta.A, (string)stream["id"]!)).StreamKey);
    }
}
