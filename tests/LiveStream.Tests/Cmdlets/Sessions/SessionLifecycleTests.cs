using System.Diagnostics;
using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The whole life of a Sigma broadcast: create, start, publish, wait until live, signal trouble, end.</summary>
public sealed class SessionLifecycleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    [Fact]
    public async Task A_broadcast_goes_live_records_its_events_in_order_and_ends_with_a_duration_and_a_catchup_url()
    {
        var channel = _shell.Run(
            "$s3 = New-LiveS3Destination -Bucket recordings -Endpoint https://s3.example.com -Region ap-southeast-1 " +
            "-AccessKey AKIAEXAMPLE -SecretKey ([System.Net.NetworkCredential]::new('', 'S3-secret-9').SecurePassword); " +
            "New-LiveChannel -Name 'Thời sự 19h' -CatchupS3 $s3 | Start-LiveChannel -PassThru").Single<LiveChannel>();
        await emulator.PublishAsync(channel.StreamKey!, "198.51.100.23");

        var live = _shell.Run("Wait-LiveChannel -Id $id -State Live -TimeoutSec 10", ("id", channel.Id));

        live.AssertSuccess();
        var session = live.Single<LiveSession>();
        Assert.Equal("live", session.Status);
        Assert.Equal(channel.Id, session.ChannelId);
        Assert.Equal("198.51.100.23", session.ClientIp);
        Assert.StartsWith("Thời sự 19h_", session.Name);

        await emulator.InterruptAsync(channel.StreamKey!);
        await emulator.RestoreAsync(channel.StreamKey!);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(40));
        await emulator.UnpublishAsync(channel.StreamKey!);

        var ended = _shell.Run("Get-LiveSession -ChannelId $id", ("id", channel.Id)).Single<LiveSession>();
        var events = _shell.Run("$session | Get-LiveSessionEvent", ("session", session)).Objects<LiveSessionEvent>();

        Assert.Equal("ended", ended.Status);
        Assert.NotNull(ended.FinishedAt);
        Assert.InRange(ended.Duration!.Value.TotalSeconds, 40, 41);
        Assert.Equal($"https://s3.example.com/recordings/sigma-livestream/{session.Id}/catchup/master-catchup.m3u8", ended.CatchupUrl);
        Assert.Equal(["initialize", "start", "stable", "interrupted", "restored", "ended"], events.Select(e => e.Action));
        Assert.Equal("Kênh ổn định", events[2].Message);
        Assert.Equal("Kênh đã kết thúc", events[^1].Message);
        Assert.Equal("user", events[^1].Actor);
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Time < pair.Second.Time), "event times must increase");
        Assert.All(events, sessionEvent => Assert.Equal(session.Id, sessionEvent.SessionId));
    }

    [Fact]
    public async Task Wait_LiveChannel_returns_as_soon_as_the_encoder_publishes_during_the_wait()
    {
        var channel = _shell.Run("New-LiveChannel -Name waiting | Start-LiveChannel -PassThru").Single<LiveChannel>();
        using var pipeline = _shell.Create("Wait-LiveChannel -Id $id -TimeoutSec 20", ("id", channel.Id));
        var running = pipeline.BeginInvoke();
        await Task.Delay(700);

        await emulator.PublishAsync(channel.StreamKey!);
        var output = pipeline.EndInvoke(running);

        var session = Assert.IsType<LiveSession>(Assert.Single(output).BaseObject);
        Assert.Equal("live", session.Status);
        Assert.NotEmpty(pipeline.Streams.Progress);
        Assert.Contains(pipeline.Streams.Progress, record => record.StatusDescription.Contains("no session yet"));
    }

    [Fact]
    public void A_wait_that_runs_out_of_time_gives_an_OperationTimeout_record_saying_what_it_last_saw()
    {
        var channel = _shell.Run("New-LiveChannel -Name silent | Start-LiveChannel -PassThru").Single<LiveChannel>();

        var result = _shell.Run("Wait-LiveChannel -Id $id -TimeoutSec 1", ("id", channel.Id));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.WaitTimeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Equal(channel.Id, error.TargetObject);
        Assert.Contains("channel active, no session yet", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Wait_LiveChannel_State_Ended_returns_the_session_once_the_channel_is_stopped()
    {
        var channel = _shell.Run("New-LiveChannel -Name 'ending' | Start-LiveChannel -PassThru").Single<LiveChannel>();
        await emulator.PublishAsync(channel.StreamKey!);

        var result = _shell.Run("Stop-LiveChannel -Id $id; Wait-LiveChannel -Id $id -State Ended -TimeoutSec 10", ("id", channel.Id));

        result.AssertSuccess();
        var session = result.Single<LiveSession>();
        Assert.Equal("ended", session.Status);
        Assert.Equal(channel.Id, session.ChannelId);
    }

    [Fact]
    public void Stopping_a_wait_ends_it_with_no_look_after_the_stop()
    {
        var channel = _shell.Run("New-LiveChannel -Name 'never' | Start-LiveChannel -PassThru").Single<LiveChannel>();
        emulator.State.ClearRequests();
        using var pipeline = _shell.Create("Wait-LiveChannel -Id $id -TimeoutSec 60", ("id", channel.Id));
        var running = pipeline.BeginInvoke();
        SpinWait.SpinUntil(() => emulator.Requests("/api/livestream/").Count >= 2, TimeSpan.FromSeconds(30));
        Assert.True(emulator.Requests("/api/livestream/").Count >= 2, "the wait never looked at the channel");

        pipeline.Stop();

        // A wait of 60 s that ended now was stopped: no WaitTimeout record, and nothing asked after the stop returned.
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the wait did not stop");
        Assert.Equal(PSInvocationState.Stopped, pipeline.InvocationStateInfo.State);
        var seenAtStop = emulator.Requests("/api/livestream/").Count;
        _shell.Run("Get-LiveStreamConnection").AssertSuccess();
        Assert.Equal(seenAtStop, emulator.Requests("/api/livestream/").Count);
    }

    [Fact]
    public async Task Publishing_to_a_channel_that_is_not_started_is_refused()
    {
        var channel = _shell.Run("New-LiveChannel -Name idle").Single<LiveChannel>();

        Assert.Equal(403, await emulator.TryPublishAsync(channel.StreamKey!));
        Assert.Empty(_shell.Run("Get-LiveSession -ChannelId $id", ("id", channel.Id)).Output);
    }

    [Fact]
    public async Task A_thousand_events_page_lazily_and_First_10_reads_one_page()
    {
        var channel = _shell.Run("New-LiveChannel -Name busy | Start-LiveChannel -PassThru").Single<LiveChannel>();
        var session = await emulator.PublishAsync(channel.StreamKey!);
        await emulator.GenerateEventsAsync((string)session["id"]!, 997);
        emulator.State.ClearRequests();

        var first = _shell.Run("Get-LiveSessionEvent -SessionId $id -First 10", ("id", (string)session["id"]!));
        var firstRequests = emulator.Requests("/api/livestream/events").Count;
        var all = _shell.Run("Get-LiveSessionEvent -SessionId $id", ("id", (string)session["id"]!));

        Assert.Equal(10, first.Output.Count);
        Assert.Equal(1, firstRequests);
        Assert.Equal(1000, all.Output.Count);
        Assert.Equal(11, emulator.Requests("/api/livestream/events").Count);
        Assert.Equal(1000, all.Objects<LiveSessionEvent>().Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Get_LiveSession_sends_status_and_time_filters_and_lists_newest_first()
    {
        var channel = _shell.Run("New-LiveChannel -Name filtered | Start-LiveChannel -PassThru").Single<LiveChannel>();
        for (var i = 0; i < 3; i++)
        {
            await emulator.PublishAsync(channel.StreamKey!);
            await emulator.UnpublishAsync(channel.StreamKey!);
        }

        await emulator.PublishAsync(channel.StreamKey!);
        emulator.State.ClearRequests();

        var all = _shell.Run("Get-LiveSession -ChannelId $id", ("id", channel.Id)).Objects<LiveSession>();
        var live = _shell.Run("Get-LiveSession -ChannelId $id -Status live", ("id", channel.Id)).Objects<LiveSession>();
        var none = _shell.Run("Get-LiveSession -ChannelId $id -Before '2001-01-01'", ("id", channel.Id));

        Assert.Equal(4, all.Count);
        Assert.Equal("live", all[0].Status);
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.CreatedAt >= pair.Second.CreatedAt));
        Assert.Equal(all[0].Id, Assert.Single(live).Id);
        none.AssertSuccess();
        Assert.Empty(none.Output);
        var query = Uri.UnescapeDataString(emulator.Requests("/api/livestream/sessions")[1].Query);
        Assert.Contains("\"status\":\"live\"", query);
        Assert.Contains("sort=createdAt|desc", query);
    }

    [Fact]
    public async Task Get_LiveSessionStatus_takes_a_channels_current_session_and_says_when_there_is_none()
    {
        var channels = _shell.Run("'on air','off air' | New-LiveChannel | Start-LiveChannel -PassThru").Objects<LiveChannel>();
        await emulator.PublishAsync(channels[0].StreamKey!);

        var result = _shell.Run("$ids | Get-LiveChannel | Get-LiveSessionStatus", ("ids", channels.Select(c => c.Id).ToArray()));

        var status = Assert.IsType<LiveSessionStatus>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("live", status.Status);
        Assert.StartsWith("LiveStream.NoSession,", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return Task.CompletedTask;
    }
}
