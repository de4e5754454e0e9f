using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// A change whose answer is lost after the vendor acted is retried; the repeat meets the end state already reached
/// (409 already active / not active, 404 gone). That is success, confirmed by reading the state back, never a false
/// Conflict or NotFound. And Start/Stop are desired-state: a channel already in the wanted state is success with a verbose
/// line, whatever the vendor answers.
/// </summary>
public sealed class RetriedChangeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string VirginiaFirst = "0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A";
    private readonly PsRunspace _shell = new();
    private readonly ThetaDriver _theta = new(emulator.Emulator);

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator, "-Name sigma").AssertSuccess();
    }

    private LiveChannel NewChannel(string name = "show") => _shell.NewChannels(name)[0];

    public static TheoryData<FaultKind, int> LostAnswers => new()
    {
        { FaultKind.DropAfter, 0 },
        { FaultKind.Html, 502 },
        { FaultKind.Html, 504 },
    };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_start_whose_answer_is_lost_after_it_acted_is_success_and_the_channel_is_active(FaultKind kind, int status)
    {
        var channel = NewChannel();
        await emulator.AddFaultAsync(new FaultRule("/start$", Method: "PATCH", Kind: kind, Status: status, Count: 1));

        var result = _shell.Run("Start-LiveChannel -Id $id -PassThru", ("id", channel.Id));

        result.AssertSuccess();
        Assert.Equal("active", result.Single<LiveChannel>().Status);
        Assert.Equal(2, emulator.ChannelRequests("PATCH").Count);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_stop_whose_answer_is_lost_after_it_acted_is_success_and_the_channel_is_stopped(FaultKind kind, int status)
    {
        var channel = NewChannel();
        _shell.Run("Start-LiveChannel -Id $id", ("id", channel.Id)).AssertSuccess();
        await emulator.AddFaultAsync(new FaultRule("/stop$", Method: "DELETE", Kind: kind, Status: status, Count: 1));

        var result = _shell.Run("Stop-LiveChannel -Id $id", ("id", channel.Id));

        result.AssertSuccess();
        Assert.Equal("stop", (string?)emulator.StoredChannel(channel.Id)["status"]);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_remove_whose_answer_is_lost_after_it_acted_is_success_and_the_channel_is_gone(FaultKind kind, int status)
    {
        var channel = NewChannel();
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels/[^/]+$", Method: "DELETE", Kind: kind,
            Status: status, Count: 1));

        var result = _shell.Run("Remove-LiveChannel -Id $id -Confirm:$false", ("id", channel.Id));

        result.AssertSuccess();
        Assert.Empty(emulator.StoredChannels());
    }

    [Fact]
    public async Task A_change_answered_200_with_an_unreadable_body_is_success()
    {
        var channel = NewChannel();
        await emulator.AddFaultAsync(new FaultRule("/(start|stop)$", Kind: FaultKind.Truncated));

        var result = _shell.Run("Start-LiveChannel -Id $id; Stop-LiveChannel -Id $id", ("id", channel.Id));

        result.AssertSuccess();
        Assert.Equal("stop", (string?)emulator.StoredChannel(channel.Id)["status"]);
    }

    [Fact]
    public void A_plain_remove_of_an_id_that_never_existed_stays_NotFound()
    {
        var id = Guid.NewGuid().ToString();

        var result = _shell.Run("Remove-LiveChannel -Id $id -Confirm:$false", ("id", id));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.NotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(id, error.TargetObject);
    }

    [Fact]
    public void Stop_of_an_idle_channel_and_Start_of_an_active_one_are_success_with_a_verbose_line_even_under_ErrorAction_Stop()
    {
        var idle = NewChannel("idle");
        var active = NewChannel("active");
        _shell.Run("Start-LiveChannel -Id $id", ("id", active.Id)).AssertSuccess();

        var result = _shell.Run("""
            $ErrorActionPreference = 'Stop'
            Stop-LiveChannel -Id $idle -Verbose
            Start-LiveChannel -Id $active -Verbose -PassThru
            'done'
            """, ("idle", idle.Id), ("active", active.Id));

        result.AssertSuccess();
        Assert.Equal("done", result.Output.Last().BaseObject);
        Assert.Equal("active", Assert.IsType<LiveChannel>(result.Output[0].BaseObject).Status);
        Assert.Contains(result.Verbose, record => record.Message.Contains(idle.Id) && record.Message.Contains("not running"));
        Assert.Contains(result.Verbose, record => record.Message.Contains(active.Id) && record.Message.Contains("already active"));
        Assert.Equal("idle", (string?)emulator.StoredChannel(idle.Id)["status"]);
    }

    [Fact]
    public async Task Theta_a_select_whose_answer_is_lost_keeps_the_first_selection_and_is_success()
    {
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name theta").AssertSuccess();
        var stream = await _theta.CreateStreamAsync(_theta.A, "show");
        await emulator.AddFaultAsync(new FaultRule("/select$", Method: "PUT", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("Start-LiveChannel -Id $id -PassThru", ("id", stream.Id));

        result.AssertSuccess();
        Assert.Equal("rtmp://35.226.139.216:1935/live", result.Single<LiveChannel>().IngestUrl);
        Assert.Equal(VirginiaFirst, Assert.Single(emulator.State.Theta.Selections, selection => selection.StreamId == stream.Id).IngestorId);
    }

    [Fact]
    public async Task Theta_a_release_whose_answer_is_lost_is_success()
    {
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name theta").AssertSuccess();
        var stream = await _theta.CreateStreamAsync(_theta.A, "show");
        _shell.Run("Start-LiveChannel -Id $id", ("id", stream.Id)).AssertSuccess();
        await emulator.AddFaultAsync(new FaultRule("/unselect$", Method: "PUT", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("Stop-LiveChannel -Id $id", ("id", stream.Id));

        result.AssertSuccess();
        Assert.DoesNotContain(emulator.State.Theta.Selections, selection => selection.StreamId == stream.Id);
    }

    [Fact]
    public async Task Theta_Select_EdgeIngestor_of_a_given_ingestor_whose_answer_is_lost_returns_that_selection()
    {
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name theta").AssertSuccess();
        var stream = await _theta.CreateStreamAsync(_theta.A, "show");
        await emulator.AddFaultAsync(new FaultRule("/select$", Method: "PUT", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id -Id $ingestor", ("id", stream.Id), ("ingestor", VirginiaFirst));

        result.AssertSuccess();
        var selection = result.Single<IngestorSelection>();
        Assert.Equal(VirginiaFirst, selection.IngestorId);
        Assert.Equal("rtmp://35.226.139.216:1935/live", selection.IngestUrl);
        Assert.False(string.IsNullOrEmpty(selection.StreamKey));
    }

    [Fact]
    public async Task Theta_Disconnect_EdgeIngestor_whose_answer_is_lost_is_success()
    {
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name theta").AssertSuccess();
        var stream = await _theta.CreateStreamAsync(_theta.A, "show");
        _shell.Run("Start-LiveChannel -Id $id", ("id", stream.Id)).AssertSuccess();
        await emulator.AddFaultAsync(new FaultRule("/unselect$", Method: "PUT", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("Disconnect-EdgeIngestor -Id $ingestor -Confirm:$false", ("ingestor", VirginiaFirst));

        result.AssertSuccess();
        Assert.DoesNotContain(emulator.State.Theta.Selections, selection => selection.StreamId == stream.Id);
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    public void Dispose()
    {
        _shell.Dispose();
        _theta.Dispose();
    }
}
