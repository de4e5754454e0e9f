using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The README's demo runs examples/quickstart.ps1; it must keep running without an error.</summary>
public sealed class QuickstartScriptTests
{
    [Fact]
    public async Task The_quickstart_script_runs_against_the_emulator_with_its_default_credentials_and_no_error()
    {
        await using var emulator = await Emulator.LiveStreamEmulator.StartAsync(
            new Emulator.EmulatorOptions { Url = "http://127.0.0.1:0", SimulatedEncoderDelayMs = 300 });
        using var shell = new PsRunspace();
        var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");

        var result = shell.Run("& $script -BaseUri $baseUri | Out-Default", ("script", script), ("baseUri", emulator.BaseUri));

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        Assert.Contains("Sigma", result.HostText);
        Assert.Contains("srvacc_emulator0000000000000000a", result.HostText);
        AssertSigmaChannelSection(emulator, result.HostText);
    }

    /// <summary>
    /// The Sigma section tells a broadcast's story: create, start, wait until the (simulated) encoder is live, its events,
    /// stop (the session ends), remove; shown in the module's table views.
    /// </summary>
    private static void AssertSigmaChannelSection(Emulator.LiveStreamEmulator emulator, string text)
    {
        var changes = emulator.State.Requests
            .Where(request => request.Path.StartsWith("/api/livestream/channels", StringComparison.Ordinal) && request.Method != "GET")
            .Select(request => request.Method + " " + System.Text.RegularExpressions.Regex.Replace(request.Path, "[0-9a-f-]{36}", "{id}"))
            .ToList();
        Assert.Equal(
            ["POST /api/livestream/channels", "PATCH /api/livestream/channels/{id}/start",
             "DELETE /api/livestream/channels/{id}/stop", "DELETE /api/livestream/channels/{id}"],
            changes);
        Assert.Empty(emulator.State.Sigma.Channels);
        var rows = text.Split('\n').Select(line => line.TrimEnd()).ToList();
        var statuses = rows.Where(line => line.StartsWith("quickstart-news ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
        Assert.Equal(["idle", "active"], statuses);
        Assert.Contains(rows, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SequenceEqual(["Name", "Vendor", "Status", "Id"]));
        Assert.Contains(rows, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SequenceEqual(["Id", "Status", "StartedAt", "Duration"]));
        var session = new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36} +(live|ended) +[0-9]{4}-");
        Assert.Contains(rows, line => session.Match(line) is { Success: true } match && match.Groups[1].Value == "live");
        Assert.Contains(rows, line => session.Match(line) is { Success: true } match && match.Groups[1].Value == "ended");
        foreach (var action in new[] { "initialize", "start", "stable", "interrupted", "restored", "ended" })
        {
            Assert.Contains(rows, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(action));
        }

        Assert.Contains("Kênh ổn định", text);
        Assert.Contains("Kênh đã kết thúc", text);
        Assert.True(text.IndexOf("srvacc_emulator0000000000000000a", StringComparison.Ordinal) <
            text.IndexOf("quickstart-news", StringComparison.Ordinal), "the connections table comes before the channel section");
        Assert.Contains("Channels left: 0", text);
    }
}
