using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>Tab completion of the channel cmdlets, through the engine's own TabExpansion2 as a console would call it.</summary>
public sealed class ChannelCompletionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly PsRunspace _shell = new();

    public Task InitializeAsync() => emulator.ResetAsync();

    [Theory]
    [InlineData("Get-LiveChannel -Id ")]
    [InlineData("Start-LiveChannel -Id ")]
    [InlineData("Remove-LiveChannel ")]
    [InlineData("Get-LiveChannel -Name ")]
    public void Completion_while_disconnected_offers_nothing_and_writes_no_error(string line)
    {
        var result = Complete(line);

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_completers_called_directly_while_disconnected_return_nothing_and_do_not_throw()
    {
        var result = _shell.Run(
            "[LiveStream.Completion.ChannelIdCompleter]::new().CompleteArgument('Get-LiveChannel', 'Id', '', $null, @{}); " +
            "[LiveStream.Completion.ChannelNameCompleter]::new().CompleteArgument('Get-LiveChannel', 'Name', '[', $null, $null)");

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Id_completes_from_the_connected_account_with_the_name_as_tooltip()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        var made = _shell.NewChannels("alpha", "beta");

        var all = Complete("Stop-LiveChannel -Id ");
        var narrowed = Complete("Get-LiveChannel -Id " + made[1].Id[..8]);

        Assert.Equal(made.Select(channel => channel.Id).Order(), all.Output.Select(Text).Order());
        var only = Assert.IsType<CompletionResult>(Assert.Single(narrowed.Output).BaseObject);
        Assert.Equal(made[1].Id, only.CompletionText);
        Assert.Contains("beta", only.ToolTip);
    }

    [Fact]
    public void Name_completes_matching_names_quoted_when_they_hold_spaces()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        _shell.NewChannels("Kênh thời sự", "Kênh_thể_thao", "news");

        var result = Complete("Get-LiveChannel -Name kê");

        Assert.Equal(["'Kênh thời sự'", "Kênh_thể_thao"], result.Output.Select(Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Id_and_Name_complete_Theta_streams_as_well_as_Sigma_channels()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        var channel = _shell.NewChannels("sigma-show")[0];
        _shell.ConnectTheta(emulator, emulator.ThetaA).AssertSuccess();
        using var theta = new ThetaDriver(emulator.Emulator);
        var stream = await theta.CreateStreamAsync(theta.A, "theta-show");

        var ids = Complete("Start-LiveChannel -Id ");
        var thetaIds = Complete("Stop-LiveChannel -Id stream_");
        var names = Complete("Get-LiveChannel -Name th");

        Assert.Equal(new[] { channel.Id, stream.Id }.Order(), ids.Output.Select(Text).Order());
        Assert.Equal([stream.Id], thetaIds.Output.Select(Text));
        Assert.Equal(["theta-show"], names.Output.Select(Text));
    }

    [Fact]
    public void Completion_offers_nothing_when_the_service_cannot_be_reached()
    {
        _shell.Run("Connect-LiveStream -Sigma -AppId $appId -BaseUri 'http://127.0.0.1:9/' -SkipCheck -MaxRetries 0 " +
            "-Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'x-secret').SecurePassword))",
            ("appId", emulator.Sigma.AppId)).AssertSuccess();

        var result = Complete("Get-LiveChannel -Id ");

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Profile_and_Mode_complete_to_the_documented_values()
    {
        var profiles = Complete("New-LiveChannel -Name x -Profile ");
        var modes = Complete("New-LiveChannel -Name x -Mode ul");

        Assert.Equal(["1080p", "720p", "480p"], profiles.Output.Select(Text));
        Assert.Equal(["UltraLowLatency"], modes.Output.Select(Text));
    }

    private PsResult Complete(string line) =>
        _shell.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", ("line", line));

    private static string Text(PSObject item) => ((CompletionResult)item.BaseObject).CompletionText;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _shell.Dispose();
}
