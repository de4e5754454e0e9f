using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The vendor-neutral channel cmdlets on Theta connections: streams created, read, started, stopped.</summary>
public sealed class ThetaChannelTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string CreatePath = "^/stream$";
    private const string VirginiaFirst = "0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A";

    private readonly PsRunspace _shell = new();
    private readonly ThetaDriver _theta = new(emulator.Emulator);

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name ThetaA").AssertSuccess();
        emulator.State.ClearRequests();
    }

    private string StreamsPath => $"/service_account/{emulator.ThetaA.Id}/streams";

    private List<string> Calls() => emulator.Requests().Select(request => request.Method + " " + request.Path).ToList();

    [Fact]
    public void New_LiveChannel_creates_streams_up_to_three_and_the_fourth_is_LimitsExceeded_with_the_vendors_message()
    {
        var result = _shell.Run("'one', 'two', 'three', 'four' | New-LiveChannel -ThrottleLimit 1");

        var made = result.Objects<LiveChannel>();
        Assert.Equal(["one", "two", "three"], made.Select(stream => stream.Name));
        Assert.All(made, stream =>
        {
            Assert.Equal(LiveStreamVendor.Theta, stream.Provider);
            Assert.Matches("^stream_[A-Za-z0-9]{25}$", stream.Id);
            Assert.Equal("off", stream.Status);
            Assert.Equal("ThetaA", stream.Connection!.Name);
        });
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.LimitsExceeded,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal("four", error.TargetObject);
        Assert.Contains("Live stream limit reached - you already have 3/3 streams", error.Exception.Message);
        Assert.Equal(4, emulator.Requests("/stream").Count(request => request.Method == "POST"));
        Assert.Equal(3, emulator.State.Theta.Streams.Count);
    }

    [Fact]
    public void Sigma_only_parameters_given_on_a_Theta_connection_are_refused_by_name_and_nothing_is_sent()
    {
        var result = _shell.Run("New-LiveChannel -Name news -Mode Normal -Tag demo -Record");

        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.ParameterNotSupported,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("news", error.TargetObject);
        Assert.Contains("-Mode, -Record, -Tag are Sigma-only parameters", error.Exception.Message);
        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_returns_the_one_new_stream_of_that_name_with_a_warning_and_is_sent_once()
    {
        var older = await _theta.CreateStreamAsync(_theta.A, "twin");
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.DropAfter, Count: 1));
        emulator.State.ClearRequests();

        var result = _shell.Run("New-LiveChannel -Name twin");

        result.AssertSuccess();
        var stream = result.Single<LiveChannel>();
        Assert.Equal("twin", stream.Name);
        Assert.NotEqual(older.Id, stream.Id);
        Assert.Single(emulator.Requests("/stream"), request => request.Method == "POST");
        Assert.Equal(["GET " + StreamsPath, "POST /stream", "GET " + StreamsPath], Calls());
        Assert.Equal(2, emulator.State.Theta.Streams.Count);
        Assert.Contains("was not sent twice", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public async Task A_create_lost_before_it_reached_Theta_fails_with_OutcomeUnknown_and_makes_nothing()
    {
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.Drop, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name lost");

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.OutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationStopped, error.CategoryInfo.Category);
        Assert.Equal("lost", error.TargetObject);
        Assert.Contains("most likely not created", error.Exception.Message);
        Assert.Single(emulator.Requests("/stream"), request => request.Method == "POST");
        Assert.Empty(emulator.State.Theta.Streams);
    }

    [Fact]
    public async Task Get_LiveChannel_lists_the_accounts_streams_filtered_by_name_and_status_with_First_and_Skip()
    {
        var news = await _theta.CreateStreamAsync(_theta.A, "news");
        await _theta.CreateStreamAsync(_theta.A, "sports");
        await _theta.CreateStreamAsync(_theta.A, "newsroom");
        await _theta.CreateStreamAsync(_theta.B, "other-account");
        var selection = await _theta.A.SelectNearestIngestorAsync(news.Id, CancellationToken.None);
        (await _theta.PublishAsync(selection.IngestUrl, selection.StreamKey)).AssertSuccess();
        emulator.State.ClearRequests();

        var all = _shell.Run("Get-LiveChannel");
        var named = _shell.Run("Get-LiveChannel -Name 'NEWS*', sport");
        var on = _shell.Run("Get-LiveChannel -Status On");
        var paged = _shell.Run("Get-LiveChannel -Skip 1 -First 1 -IncludeTotalCount");

        Assert.Equal(["news", "sports", "newsroom"], all.Objects<LiveChannel>().Select(stream => stream.Name));
        Assert.All(all.Objects<LiveChannel>(), stream => Assert.Equal(LiveStreamVendor.Theta, stream.Provider));
        Assert.Equal(["news", "newsroom"], named.Objects<LiveChannel>().Select(stream => stream.Name));
        var notFound = named.SingleError();
        Assert.StartsWith("LiveStream.NotFound,", notFound.FullyQualifiedErrorId);
        Assert.Equal("sport", notFound.TargetObject);
        var live = on.Single<LiveChannel>();
        Assert.Equal((news.Id, "on"), (live.Id, live.Status));
        Assert.Equal(3UL, Convert.ToUInt64(paged.Output[0].BaseObject));
        Assert.Equal("sports", Assert.IsType<LiveChannel>(Assert.Single(paged.Output.Skip(1)).BaseObject).Name);
        Assert.Equal(4, emulator.Requests(StreamsPath).Count);
        Assert.Equal("?status=on", emulator.Requests(StreamsPath)[2].Query);
    }

    [Fact]
    public void A_status_of_the_other_vendor_is_refused_before_any_request_on_either_vendor()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        emulator.State.ClearRequests();

        var sigmaWordOnTheta = _shell.Run("Get-LiveChannel -Status Active -Connection (Get-LiveStreamConnection -Name ThetaA)");
        var thetaWordOnSigma = _shell.Run("Get-LiveChannel -Status Off -Vendor Sigma");

        foreach (var (result, status, vendor) in new[] { (sigmaWordOnTheta, "Active", "Theta"), (thetaWordOnSigma, "Off", "Sigma") })
        {
            var error = result.SingleError();
            Assert.StartsWith("LiveStream.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(status, error.TargetObject);
            Assert.Contains($"not a status of {vendor} channels", error.Exception.Message);
        }

        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public void Status_on_Sigma_is_sent_in_the_q_filter()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        var made = _shell.NewChannels("idle-one", "active-one");
        _shell.Run("$made[1] | Start-LiveChannel", ("made", made)).AssertSuccess();
        emulator.State.ClearRequests();

        var active = _shell.Run("Get-LiveChannel -Status Active");

        Assert.Equal("active-one", active.Single<LiveChannel>().Name);
        var list = Assert.Single(emulator.Requests(SigmaChannelHelpers.ChannelsPath));
        Assert.Contains(Uri.EscapeDataString("{\"status\":\"active\"}"), list.Query);
    }

    [Fact]
    public async Task Piping_the_streams_to_Start_PassThru_selects_an_ingestor_for_each_and_writes_the_ingest_details()
    {
        await _theta.CreateStreamAsync(_theta.A, "first");
        await _theta.CreateStreamAsync(_theta.A, "second");

        var result = _shell.Run("Get-LiveChannel -Connection (Get-LiveStreamConnection -Name ThetaA) | Start-LiveChannel -PassThru -Verbose");

        result.AssertSuccess();
        var started = result.Objects<LiveChannel>();
        Assert.Equal(["first", "second"], started.Select(stream => stream.Name));
        Assert.All(started, stream =>
        {
            Assert.StartsWith("rtmp://", stream.IngestUrl);
            Assert.False(string.IsNullOrEmpty(stream.StreamKey));
            Assert.Equal("off", stream.Status);
        });
        Assert.NotEqual(started[0].IngestUrl, started[1].IngestUrl);
        Assert.Contains(result.Verbose, record => record.Message.Contains("the stream turns on when the encoder pushes"));
        // Both selects run at once and race for the nearest ingestor; the loser moves on to the next one.
        var selects = emulator.Requests("/ingestor/").Where(request => request.Path.EndsWith("/select")).ToList();
        Assert.NotEmpty(selects);
        Assert.All(selects, request => Assert.Equal(emulator.ThetaA.Id, request.Headers["x-tva-sa-id"]));
    }

    [Fact]
    public async Task Start_on_a_stream_that_has_an_ingestor_selects_nothing_and_Stop_releases_it_once()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "show");
        _shell.Run("Start-LiveChannel -Id $id", ("id", stream.Id)).AssertSuccess();
        var first = await _theta.GetStreamAsync(_theta.A, stream.Id);
        emulator.State.ClearRequests();

        var again = _shell.Run("Start-LiveChannel -Id $id -PassThru -Verbose", ("id", stream.Id));
        var selectsAgain = emulator.Requests().Count(request => request.Path.EndsWith("/select"));
        var stopped = _shell.Run("Stop-LiveChannel -Id $id -PassThru", ("id", stream.Id));
        var stoppedAgain = _shell.Run("Stop-LiveChannel -Id $id -Verbose", ("id", stream.Id));

        Assert.Equal("rtmp://35.226.139.216:1935/live", first.IngestUrl);
        Assert.Equal((first.IngestUrl, first.StreamKey), (again.Single<LiveChannel>().IngestUrl, again.Single<LiveChannel>().StreamKey));
        Assert.Equal(0, selectsAgain);
        Assert.Contains(again.Verbose, record => record.Message.Contains($"already has Edge Ingestor {VirginiaFirst}"));
        var afterStop = stopped.Single<LiveChannel>();
        Assert.Null(afterStop.StreamKey);
        Assert.Equal("off", afterStop.Status);
        stoppedAgain.AssertSuccess();
        Assert.Contains(stoppedAgain.Verbose, record => record.Message.Contains("nothing was sent to release"));
        Assert.Equal([$"/ingestor/{VirginiaFirst}/unselect"],
            emulator.Requests("/ingestor/").Where(request => request.Method == "PUT").Select(request => request.Path));
        Assert.Equal("available", (await _theta.IngestorAsync(VirginiaFirst)).State);
    }

    [Fact]
    public async Task Stop_cuts_off_a_publishing_encoder_and_the_stream_turns_off()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "live");
        var started = _shell.Run("Start-LiveChannel -Id $id -PassThru", ("id", stream.Id)).Single<LiveChannel>();
        (await _theta.PublishAsync(started.IngestUrl!, started.StreamKey!)).AssertSuccess();
        Assert.Equal("on", (await _theta.GetStreamAsync(_theta.A, stream.Id)).Status);

        _shell.Run("Get-LiveChannel -Status On | Stop-LiveChannel").AssertSuccess();

        Assert.Equal("off", (await _theta.GetStreamAsync(_theta.A, stream.Id)).Status);
    }

    [Fact]
    public async Task WhatIf_on_New_Start_Stop_and_Remove_sends_nothing()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "kept");
        emulator.State.ClearRequests();

        var result = _shell.Run("New-LiveChannel -Name planned -WhatIf; Start-LiveChannel -Id $id -PassThru -WhatIf; " +
            "Stop-LiveChannel -Id $id -WhatIf; Remove-LiveChannel -Id $id -WhatIf -ErrorAction SilentlyContinue",
            ("id", stream.Id));

        Assert.Empty(result.Output);
        Assert.Empty(emulator.Requests());
        Assert.Contains($"Theta stream {stream.Id} (connection 'ThetaA')", result.HostText);
    }

    [Fact]
    public async Task Remove_LiveChannel_refuses_a_Theta_stream_with_what_to_do_instead_and_sends_nothing()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "kept");
        emulator.State.ClearRequests();

        var result = _shell.Run("Remove-LiveChannel -Id $id -Confirm:$false -PassThru", ("id", stream.Id));

        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.NotSupported,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(stream.Id, error.TargetObject);
        Assert.Contains("no call to delete a stream", error.Exception.Message);
        Assert.Contains("Stop-LiveChannel", error.Exception.Message);
        Assert.Empty(emulator.Requests());
        Assert.Single(emulator.State.Theta.Streams);
    }

    [Fact]
    public async Task Remove_LiveChannel_on_mixed_ids_removes_the_Sigma_channel_and_refuses_the_Theta_stream_without_asking()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        var channel = _shell.NewChannels("to-remove")[0];
        var stream = await _theta.CreateStreamAsync(_theta.A, "kept");
        emulator.State.ClearRequests();

        var refusedUnasked = _shell.Run("Remove-LiveChannel -Id $id", ("id", stream.Id));
        var mixed = _shell.Run("$ids | Remove-LiveChannel -Confirm:$false", ("ids", new[] { stream.Id, channel.Id }));

        Assert.StartsWith("LiveStream.NotSupported,", refusedUnasked.SingleError().FullyQualifiedErrorId);
        Assert.Equal(stream.Id, mixed.SingleError().TargetObject);
        Assert.Empty(emulator.StoredChannels());
        Assert.Equal(["DELETE " + SigmaChannelHelpers.ChannelsPath + "/" + channel.Id], Calls());
        Assert.Single(emulator.State.Theta.Streams);
    }

    [Fact]
    public async Task Start_when_no_ingestor_is_available_is_LimitsExceeded_for_that_stream()
    {
        var streams = new List<LiveChannel>();
        foreach (var (client, name) in new[] { (_theta.A, "a1"), (_theta.A, "a2"), (_theta.A, "a3"), (_theta.B, "b1"), (_theta.B, "b2") })
        {
            var stream = await _theta.CreateStreamAsync(client, name);
            await client.SelectNearestIngestorAsync(stream.Id, CancellationToken.None);
            streams.Add(stream);
        }

        var waiting = await _theta.CreateStreamAsync(_theta.B, "b3");
        _shell.ConnectTheta(emulator, emulator.ThetaB, "-Name ThetaB").AssertSuccess();
        emulator.State.ClearRequests();

        var result = _shell.Run("Start-LiveChannel -Id $id -PassThru", ("id", waiting.Id));

        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.LimitsExceeded,", error.FullyQualifiedErrorId);
        Assert.Equal(waiting.Id, error.TargetObject);
        Assert.Contains("No Theta Edge Ingestor is available", error.Exception.Message);
        Assert.DoesNotContain(emulator.Requests(), request => request.Method == "PUT");
    }

    [Fact]
    public async Task Get_LiveChannel_by_stream_id_pipes_into_Select_EdgeIngestor()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "piped");
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel -Id $id | Select-EdgeIngestor", ("id", stream.Id));

        result.AssertSuccess();
        var selection = result.Single<IngestorSelection>();
        Assert.Equal((stream.Id, VirginiaFirst), (selection.ChannelId, selection.IngestorId));
        Assert.Equal("GET /stream/" + stream.Id, Calls()[0]);
    }

    [Fact]
    public async Task Mixed_Sigma_and_Theta_ids_in_one_pipeline_each_go_to_their_own_connection_in_input_order()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        var channel = _shell.NewChannels("sigma-news")[0];
        var stream = await _theta.CreateStreamAsync(_theta.A, "theta-news");
        emulator.State.ClearRequests();

        var read = _shell.Run("$ids | Get-LiveChannel", ("ids", new[] { stream.Id, channel.Id, "stream_short" }));
        var started = _shell.Run("$ids | Start-LiveChannel -PassThru", ("ids", new[] { channel.Id, stream.Id }));

        Assert.Equal([(LiveStreamVendor.Theta, "theta-news"), (LiveStreamVendor.Sigma, "sigma-news")],
            read.Objects<LiveChannel>().Select(item => (item.Provider, item.Name)));
        var invalid = read.SingleError();
        Assert.StartsWith("LiveStream.InvalidId,", invalid.FullyQualifiedErrorId);
        Assert.Equal("stream_short", invalid.TargetObject);
        var both = started.Objects<LiveChannel>();
        Assert.Equal([channel.Id, stream.Id], both.Select(item => item.Id));
        Assert.Equal("active", both[0].Status);
        Assert.StartsWith("rtmp://", both[1].IngestUrl);
        Assert.Contains("PATCH " + SigmaChannelHelpers.ChannelsPath + "/" + channel.Id + "/start", Calls());
        Assert.Single(emulator.Requests("/ingestor/"), request => request.Path.EndsWith("/select"));
        Assert.DoesNotContain(emulator.Requests(), request => request.Path.Contains("stream_short"));
    }

    [Fact]
    public async Task A_piped_stream_of_the_other_service_account_is_read_and_started_through_that_account()
    {
        var stream = await _theta.CreateStreamAsync(_theta.B, "b-stream");
        _shell.ConnectTheta(emulator, emulator.ThetaB, "-Name ThetaB").AssertSuccess();
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name ThetaA").AssertSuccess();
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel -Connection (Get-LiveStreamConnection -Name ThetaB) | Start-LiveChannel -PassThru");

        result.AssertSuccess();
        var started = result.Single<LiveChannel>();
        Assert.Equal((stream.Id, "ThetaB"), (started.Id, started.Connection!.Name));
        Assert.False(string.IsNullOrEmpty(started.StreamKey));
        Assert.All(emulator.Requests(), request => Assert.Equal(emulator.ThetaB.Id, request.Headers["x-tva-sa-id"]));
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    public void Dispose()
    {
        _theta.Dispose();
        _shell.Dispose();
    }
}
