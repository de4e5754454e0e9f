using LiveStream.Emulator;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The quickstart's Theta part, given a stream of the emulator's default Theta account.</summary>
public sealed class QuickstartThetaTests
{
    [Fact]
    public async Task With_a_stream_id_the_quickstart_selects_the_nearest_ingestor_shows_the_OBS_settings_and_releases_it()
    {
        await using var emulator = await LiveStreamEmulator.StartAsync(new EmulatorOptions { Url = "http://127.0.0.1:0" });
        using var theta = new ThetaDriver(emulator);
        var stream = await theta.CreateStreamAsync(theta.A, "quickstart");
        using var shell = new PsRunspace();
        var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");

        var result = shell.Run("& $script -BaseUri $baseUri -ThetaStreamId $id | Out-Default",
            ("script", script), ("baseUri", emulator.BaseUri), ("id", stream.Id));

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        var select = Assert.Single(emulator.State.Requests, request => request.Path.EndsWith("/select"));
        var release = Assert.Single(emulator.State.Requests, request => request.Path.EndsWith("/unselect"));
        Assert.Equal(select.Path.Replace("/select", "/unselect"), release.Path);
        Assert.Contains("Server: rtmp://35.226.139.216:1935/live", result.HostText);
        Assert.Contains("Stream Key: ", result.HostText);
        Assert.Null((await theta.GetStreamAsync(theta.A, stream.Id)).StreamKey);
    }

    [Fact]
    public async Task Without_a_stream_id_the_quickstart_lists_the_ingestors_and_says_how_to_select_one()
    {
        await using var emulator = await LiveStreamEmulator.StartAsync(new EmulatorOptions { Url = "http://127.0.0.1:0" });
        using var shell = new PsRunspace();
        var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");

        var result = shell.Run("& $script -BaseUri $baseUri | Out-Default", ("script", script), ("baseUri", emulator.BaseUri));

        result.AssertSuccess();
        Assert.Contains("0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A", result.HostText);
        Assert.Contains("-ThetaStreamId", result.HostText);
        Assert.DoesNotContain(emulator.State.Requests, request => request.Method == "PUT");
    }
}
