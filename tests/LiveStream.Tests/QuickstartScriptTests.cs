using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The README's demo runs examples/quickstart.ps1; it must keep running without an error.</summary>
public sealed class QuickstartScriptTests
{
    [Fact]
    public async Task The_quickstart_script_runs_against_the_emulator_with_its_default_credentials_and_no_error()
    {
        await using var emulator = await Emulator.LiveStreamEmulator.StartAsync(new Emulator.EmulatorOptions { Url = "http://127.0.0.1:0" });
        using var shell = new PsRunspace();
        var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");

        var result = shell.Run("& $script -BaseUri $baseUri | Out-Default", ("script", script), ("baseUri", emulator.BaseUri));

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        Assert.Contains("Sigma", result.HostText);
        Assert.Contains("srvacc_emulator0000000000000000a", result.HostText);
        AssertSigmaChannelSection(emulator, result.HostText);
    }

    /// <summary>The Sigma section creates, starts, shows, stops and removes one channel, shown in the LiveChannel table.</summary>
    private static void AssertSigmaChannelSection(Emulator.LiveStreamEmulator emulator, string hostText)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(hostText, "\x1b\\[[0-9;]*m", string.Empty);
        var calls = emulator.State.Requests.Where(request => request.Path.StartsWith("/api/livestream/channels", StringComparison.Ordinal))
            .Select(request => request.Method + " " + System.Text.RegularExpressions.Regex.Replace(request.Path, "[0-9a-f-]{36}", "{id}"))
            .ToList();
        Assert.Equal(
            ["POST /api/livestream/channels", "PATCH /api/livestream/channels/{id}/start", "GET /api/livestream/channels/{id}",
             "GET /api/livestream/channels", "DELETE /api/livestream/channels/{id}/stop", "GET /api/livestream/channels/{id}",
             "DELETE /api/livestream/channels/{id}", "GET /api/livestream/channels"],
            calls);
        Assert.Empty(emulator.State.Sigma.Channels);
        var rows = text.Split('\n').Select(line => line.TrimEnd()).ToList();
        var statuses = rows.Where(line => line.StartsWith("quickstart-news ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.Equal(["idle", "active", "active", "stop"], statuses);
        Assert.Contains(rows, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SequenceEqual(["Name", "Status", "Mode", "CurrentSessionId", "PlaybackUrl"]));
        Assert.True(text.IndexOf("srvacc_emulator0000000000000000a", StringComparison.Ordinal) <
            text.IndexOf("quickstart-news", StringComparison.Ordinal), "the connections table comes before the channel section");
        Assert.Contains("Channels left: 0", text);
    }
}
