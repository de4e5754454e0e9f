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
    }
}
