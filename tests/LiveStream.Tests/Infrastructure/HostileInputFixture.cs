using System.Net.Http.Json;

namespace LiveStream.Tests.Infrastructure;

/// <summary>A Sigma and a Theta connection (Sigma the most recent) on one emulator, shared by the hostile-input tables.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public EmulatorFixture Emulator { get; } = new();

    public PsRunspace Shell { get; private set; } = null!;

    public string StreamId { get; private set; } = string.Empty;

    public string ChannelId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Emulator.InitializeAsync();
        Shell = new PsRunspace();
        Shell.ConnectTheta(Emulator, Emulator.ThetaA, "-MaxRetries 1").AssertSuccess();
        Shell.ConnectSigma(Emulator, "-MaxRetries 1").AssertSuccess();
        using var theta = new ThetaDriver(Emulator.Emulator);
        StreamId = (await theta.CreateStreamAsync(theta.A, "hostile")).Id;
        var channel = Shell.NewChannels("hostile")[0];
        ChannelId = channel.Id;
        // A session on the channel, so that session lists have an item to spoil; $sigma for commands that must not
        // take a Theta connection made since.
        Shell.Run("Start-LiveChannel -Id $channelId; $global:sigma = $connection", ("channelId", ChannelId),
            ("connection", channel.Connection)).AssertSuccess();
        (await Emulator.Control.PostAsJsonAsync("_emulator/sigma/publish", new { streamToken = channel.StreamKey }))
            .EnsureSuccessStatusCode();
    }

    /// <summary>Runs <paramref name="script"/> with no request log and no faults left over, failing after 30 s.</summary>
    public PsResult Run(string script, params (string Name, object? Value)[] variables)
    {
        Emulator.State.ClearRequests();
        var run = Task.Run(() => Shell.Run(script, [.. variables, ("streamId", StreamId), ("channelId", ChannelId),
            ("baseUri", Emulator.BaseUri), ("thetaUser", Emulator.ThetaA.Id), ("thetaSecret", Emulator.ThetaA.Secret)]));
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), "the command did not finish within 30 s: " + script);
        return run.Result;
    }

    public async Task DisposeAsync()
    {
        Shell.Dispose();
        await Emulator.DisposeAsync();
    }
}
