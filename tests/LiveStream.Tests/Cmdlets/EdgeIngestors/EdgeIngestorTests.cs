using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>Get-EdgeIngestor, Select-EdgeIngestor and Disconnect-EdgeIngestor (alias Unselect-EdgeIngestor) on Theta.</summary>
public sealed class EdgeIngestorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string VirginiaFirst = "0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A";
    private const string VirginiaSecond = "0xaCe1F1d6E6284eF39ff55Ed7b5765b659b70Ca9f";
    private const string Frankfurt = "0x1F4a8C3e7D2b6A9f0E5c4B3a2D1e0F9c8B7a6D5e";
    private const string SingaporeBusy = "0x9C8b7A6f5E4d3C2b1A0f9E8d7C6b5A4f3E2d1C0b";
    private const string TokyoUnavailable = "0x3A2b1C0d9E8f7A6b5C4d3E2f1A0b9C8d7E6f5A4b";

    private readonly PsRunspace _shell = new();
    private readonly ThetaDriver _theta = new(emulator.Emulator);

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectTheta(emulator, emulator.ThetaA).AssertSuccess();
    }

    [Fact]
    public void Get_EdgeIngestor_lists_every_ingestor_nearest_first_with_rank_geo_stakes_and_state()
    {
        var result = _shell.Run("Get-EdgeIngestor");

        result.AssertSuccess();
        var ingestors = result.Objects<EdgeIngestor>();
        Assert.Equal(Enumerable.Range(1, 7), ingestors.Select(ingestor => ingestor.Rank));
        Assert.Equal([VirginiaFirst, VirginiaSecond], ingestors.Take(2).Select(ingestor => ingestor.Id));
        var nearest = ingestors[0];
        Assert.Equal("35.226.139.216", nearest.Ip);
        Assert.Equal("available", nearest.State);
        Assert.Equal(3_000_000, nearest.Stakes);
        Assert.Equal(-77.2481, nearest.Longitude);
        Assert.Equal(38.6583, nearest.Latitude);
        Assert.Equal(emulator.ThetaA.Id, nearest.Connection!.AccountId);
        Assert.Single(emulator.Requests("/ingestor/filter"));
    }

    [Fact]
    public async Task The_order_follows_the_callers_location()
    {
        (await _theta.SetCallerLocationAsync(8.6821, 50.1109)).AssertSuccess();
        var offTheMap = await _theta.SetCallerLocationAsync(200, 50);

        var ingestors = _shell.Run("Get-EdgeIngestor").Objects<EdgeIngestor>();

        Assert.Equal(Frankfurt, ingestors[0].Id);
        Assert.Equal(1, ingestors[0].Rank);
        Assert.Equal(400, offTheMap.StatusCode);
        Assert.Equal(8.6821, (double?)(await _theta.GetCallerLocationAsync()).Body["longitude"]);
    }

    [Fact]
    public void State_filters_the_list_and_keeps_each_ingestors_rank_in_the_full_list()
    {
        var result = _shell.Run("Get-EdgeIngestor -State Busy, Unavailable");
        var nearestAvailable = _shell.Run("Get-EdgeIngestor -State Available -First 1");
        var paged = _shell.Run("Get-EdgeIngestor -State Available -Skip 1 -First 2 -IncludeTotalCount");

        result.AssertSuccess();
        Assert.Equal([(6, TokyoUnavailable, "unavailable"), (7, SingaporeBusy, "busy")],
            result.Objects<EdgeIngestor>().Select(ingestor => (ingestor.Rank, ingestor.Id, ingestor.State!)));
        Assert.Equal(VirginiaFirst, nearestAvailable.Single<EdgeIngestor>().Id);
        paged.AssertSuccess();
        Assert.Equal(5, Convert.ToInt32(paged.Output[0].BaseObject));
        Assert.Equal([2, 3], paged.Output.Skip(1).Select(item => Assert.IsType<EdgeIngestor>(item.BaseObject).Rank));
    }

    [Fact]
    public async Task Select_without_Id_takes_the_nearest_available_ingestor_and_returns_the_ingest_details()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        emulator.State.ClearRequests();

        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id", ("id", stream.Id));

        result.AssertSuccess();
        var selection = result.Single<IngestorSelection>();
        Assert.Equal(VirginiaFirst, selection.IngestorId);
        Assert.Equal(stream.Id, selection.ChannelId);
        Assert.Equal("rtmp://35.226.139.216:1935/live", selection.IngestUrl);
        Assert.Matches("^[A-Za-z0-9]{32}$", selection.StreamKey);
        Assert.Equal(TimeSpan.FromMinutes(5), selection.ExpiresAt - selection.SelectedAt);
        Assert.Contains("Server: rtmp://35.226.139.216:1935/live", selection.ObsHint);
        Assert.Contains("Stream Key: " + selection.StreamKey, selection.ObsHint);
        Assert.DoesNotContain(selection.StreamKey, selection.ToString());
        var select = Assert.Single(emulator.Requests("/ingestor/"), request => request.Method == "PUT");
        Assert.Equal(("PUT", $"/ingestor/{VirginiaFirst}/select"), (select.Method, select.Path));
        Assert.Equal($"{{\"tva_stream\":\"{stream.Id}\"}}", select.Body);
        var read = await _theta.GetStreamAsync(_theta.A, stream.Id);
        Assert.Equal((selection.IngestUrl, selection.StreamKey), (read.IngestUrl, read.StreamKey));
        Assert.Equal("selected", (await _theta.IngestorAsync(VirginiaFirst)).State);
    }

    [Fact]
    public async Task Select_with_Id_takes_that_ingestor()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        emulator.State.ClearRequests();

        var result = _shell.Run("Select-EdgeIngestor -Id $ingestor -StreamId $id", ("ingestor", Frankfurt), ("id", stream.Id));

        result.AssertSuccess();
        Assert.Equal("rtmp://35.198.77.23:1935/live", result.Single<IngestorSelection>().IngestUrl);
        Assert.Equal([$"/stream/{stream.Id}", $"/ingestor/{Frankfurt}/select"], emulator.Requests().Select(request => request.Path));
    }

    [Fact]
    public async Task When_the_nearest_is_taken_meanwhile_the_next_nearest_is_selected()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        (await _theta.TakeBeforeNextSelectAsync(VirginiaFirst)).AssertSuccess();
        emulator.State.ClearRequests();

        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id -Verbose", ("id", stream.Id));

        result.AssertSuccess();
        Assert.Equal(VirginiaSecond, result.Single<IngestorSelection>().IngestorId);
        Assert.Equal([$"/ingestor/{VirginiaFirst}/select", $"/ingestor/{VirginiaSecond}/select"],
            emulator.Requests("/ingestor/").Where(request => request.Method == "PUT").Select(request => request.Path));
        Assert.Contains(result.Verbose, record => record.Message.Contains($"{VirginiaFirst} was taken"));
        Assert.Equal("selected", (await _theta.IngestorAsync(VirginiaFirst)).State);
    }

    [Fact]
    public async Task Selecting_an_ingestor_that_is_not_available_gives_a_Conflict_record_with_the_emulators_message()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);

        var result = _shell.Run("Select-EdgeIngestor -Id $ingestor -ChannelId $id", ("ingestor", SingaporeBusy), ("id", stream.Id));

        var error = result.SingleError();
        Assert.Equal("LiveStream.Conflict,LiveStream.Commands.SelectEdgeIngestorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Ingestor is not available for selection (state: busy)", error.Exception.Message);
        Assert.Single(emulator.Requests("/ingestor/"), request => request.Method == "PUT");
    }

    [Fact]
    public async Task Another_service_account_cannot_select_for_the_stream_and_gets_a_PermissionDenied_record()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        _shell.ConnectTheta(emulator, emulator.ThetaB).AssertSuccess();

        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id", ("id", stream.Id));

        var error = result.SingleError();
        Assert.Empty(result.Output);
        Assert.Equal("LiveStream.PermissionDenied,LiveStream.Commands.SelectEdgeIngestorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("You are not authorized to select this ingestor", error.Exception.Message);
        Assert.Equal("You are not authorized to select this ingestor",
            Assert.IsType<LiveStream.Http.LiveStreamApiException>(error.Exception).VendorMessage);
        Assert.Equal(stream.Id, error.TargetObject);
        Assert.Equal("available", (await _theta.IngestorAsync(VirginiaFirst)).State);
    }

    [Fact]
    public async Task Another_service_account_cannot_unselect_and_the_selection_stays()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var selection = await _theta.A.SelectNearestIngestorAsync(stream.Id, CancellationToken.None);
        _shell.ConnectTheta(emulator, emulator.ThetaB).AssertSuccess();

        var result = _shell.Run("Unselect-EdgeIngestor -Id $ingestor", ("ingestor", selection.IngestorId));

        var error = result.SingleError();
        Assert.Equal("LiveStream.PermissionDenied,LiveStream.Commands.DisconnectEdgeIngestorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("You are not authorized to unselect this ingestor", error.Exception.Message);
        Assert.Equal(selection.IngestorId, error.TargetObject);
        Assert.Equal(selection.StreamKey, (await _theta.GetStreamAsync(_theta.A, stream.Id)).StreamKey);
    }

    [Fact]
    public async Task Releasing_a_piped_selection_makes_the_ingestor_available_and_removes_the_streams_ingest_details()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);

        var result = _shell.Run("$selection = Select-EdgeIngestor -ChannelId $id; $selection | Disconnect-EdgeIngestor -Verbose",
            ("id", stream.Id));

        result.AssertSuccess();
        Assert.Empty(result.Output);
        var release = Assert.Single(emulator.Requests("/ingestor/"), request => request.Path.EndsWith("/unselect"));
        Assert.Equal(("PUT", $"/ingestor/{VirginiaFirst}/unselect", "{}"), (release.Method, release.Path, release.Body));
        Assert.Contains(result.Verbose, record => record.Message.Contains("released"));
        Assert.Equal("available", (await _theta.IngestorAsync(VirginiaFirst)).State);
        var read = await _theta.GetStreamAsync(_theta.A, stream.Id);
        Assert.Null(read.IngestUrl);
        Assert.Null(read.StreamKey);
    }

    [Fact]
    public async Task An_unused_selection_lapses_when_the_emulator_clock_passes_five_minutes()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        _shell.Run("Select-EdgeIngestor -ChannelId $id", ("id", stream.Id)).AssertSuccess();

        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(4.9));
        var beforeExpiry = await _theta.GetStreamAsync(_theta.A, stream.Id);
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(0.2));
        var afterExpiry = await _theta.GetStreamAsync(_theta.A, stream.Id);
        var ingestor = _shell.Run("Get-EdgeIngestor").Objects<EdgeIngestor>().Single(item => item.Id == VirginiaFirst);

        Assert.NotNull(beforeExpiry.StreamKey);
        Assert.Null(afterExpiry.IngestUrl);
        Assert.Null(afterExpiry.StreamKey);
        Assert.Equal("available", ingestor.State);
    }

    [Fact]
    public async Task Publishing_turns_the_stream_on_and_keeps_the_selection_past_five_minutes_and_unpublishing_turns_it_off()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var selection = _shell.Run("Select-EdgeIngestor -ChannelId $id", ("id", stream.Id)).Single<IngestorSelection>();

        (await _theta.PublishAsync(selection.IngestUrl, selection.StreamKey)).AssertSuccess();
        var on = await _theta.GetStreamAsync(_theta.A, stream.Id);
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(10));
        var stillOn = await _theta.GetStreamAsync(_theta.A, stream.Id);
        var busy = await _theta.IngestorAsync(selection.IngestorId);
        (await _theta.UnpublishAsync(selection.StreamKey)).AssertSuccess();
        var off = await _theta.GetStreamAsync(_theta.A, stream.Id);

        Assert.Equal("on", on.Status);
        Assert.NotNull(on.PlaybackUrl);
        Assert.True(on.UpdatedAt > stream.UpdatedAt);
        Assert.Equal(("on", selection.StreamKey), (stillOn.Status, stillOn.StreamKey));
        Assert.Equal("busy", busy.State);
        Assert.Equal(("off", selection.StreamKey), (off.Status, off.StreamKey));
    }

    [Fact]
    public async Task The_encoder_simulator_refuses_to_publish_without_a_selection()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var selection = await _theta.A.SelectNearestIngestorAsync(stream.Id, CancellationToken.None);
        await _theta.A.UnselectIngestorAsync(selection.IngestorId, CancellationToken.None);

        var refused = await _theta.PublishAsync(selection.IngestUrl, selection.StreamKey);

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("error", (string?)refused.Envelope["status"]);
        Assert.Contains("no Edge Ingestor at this server is selected with this stream key", refused.Message);
        Assert.Equal("off", (await _theta.GetStreamAsync(_theta.A, stream.Id)).Status);
    }

    [Fact]
    public async Task WhatIf_sends_no_request_for_select_or_release()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        emulator.State.ClearRequests();

        var result = _shell.Run(
            "Select-EdgeIngestor -ChannelId $id -WhatIf; Select-EdgeIngestor -Id $ingestor -ChannelId $id -WhatIf; " +
            "Disconnect-EdgeIngestor -Id $ingestor -WhatIf",
            ("id", stream.Id), ("ingestor", VirginiaFirst));

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Empty(emulator.Requests());
        Assert.Contains("What if", result.HostText);
        Assert.Contains("Select the nearest available Edge Ingestor", result.HostText);
        Assert.Contains("Release the selection", result.HostText);
    }

    [Fact]
    public async Task Channels_piped_in_bind_ChannelId_and_their_own_connection_and_come_out_in_order()
    {
        var first = await _theta.GetStreamAsync(_theta.A, (await _theta.CreateStreamAsync(_theta.A, "first")).Id);
        var second = await _theta.GetStreamAsync(_theta.A, (await _theta.CreateStreamAsync(_theta.A, "second")).Id);
        _shell.ConnectTheta(emulator, emulator.ThetaB).AssertSuccess();

        var result = _shell.Run("$channels | Select-EdgeIngestor", ("channels", new[] { first, second }));

        result.AssertSuccess();
        var selections = result.Objects<IngestorSelection>();
        Assert.Equal([first.Id, second.Id], selections.Select(selection => selection.ChannelId));
        Assert.Equal(new[] { VirginiaFirst, VirginiaSecond }.Order(StringComparer.Ordinal),
            selections.Select(selection => selection.IngestorId).Order(StringComparer.Ordinal));
        Assert.All(selections, selection => Assert.Equal(emulator.ThetaA.Id, selection.Connection!.AccountId));
    }

    [Fact]
    public async Task Objects_with_a_ChannelId_or_StreamId_property_bind_from_the_pipeline()
    {
        var byChannelId = await _theta.CreateStreamAsync(_theta.A, "one");
        var byStreamId = await _theta.CreateStreamAsync(_theta.A, "two");

        var result = _shell.Run(
            "[pscustomobject]@{ ChannelId = $one }, [pscustomobject]@{ StreamId = $two } | Select-EdgeIngestor -ThrottleLimit 1",
            ("one", byChannelId.Id), ("two", byStreamId.Id));

        result.AssertSuccess();
        Assert.Equal([(byChannelId.Id, VirginiaFirst), (byStreamId.Id, VirginiaSecond)],
            result.Objects<IngestorSelection>().Select(selection => (selection.ChannelId, selection.IngestorId)));
    }

    [Fact]
    public async Task Ids_of_the_wrong_form_are_refused_before_any_request()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        emulator.State.ClearRequests();

        var badChannel = _shell.Run("'not-a-stream', $id | Select-EdgeIngestor -WhatIf", ("id", stream.Id));
        var badIngestor = _shell.Run("Select-EdgeIngestor -Id 'stream_x' -ChannelId $id", ("id", stream.Id));
        var streamAsIngestor = _shell.Run("Disconnect-EdgeIngestor -Id $id", ("id", stream.Id));

        var channelError = badChannel.SingleError();
        Assert.Equal("LiveStream.InvalidId,LiveStream.Commands.SelectEdgeIngestorCommand", channelError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, channelError.CategoryInfo.Category);
        Assert.Equal("not-a-stream", channelError.TargetObject);
        Assert.Contains($"Theta stream {stream.Id}", badChannel.HostText);
        Assert.Equal("LiveStream.InvalidId,LiveStream.Commands.SelectEdgeIngestorCommand", badIngestor.SingleError().FullyQualifiedErrorId);
        var streamError = streamAsIngestor.SingleError();
        Assert.Equal("LiveStream.InvalidId,LiveStream.Commands.DisconnectEdgeIngestorCommand", streamError.FullyQualifiedErrorId);
        Assert.Contains("Select-EdgeIngestor", streamError.Exception.Message);
        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public void Unselect_EdgeIngestor_is_an_exported_alias_of_Disconnect_EdgeIngestor()
    {
        var result = _shell.Run("Get-Command -Name Unselect-EdgeIngestor");

        result.AssertSuccess();
        var alias = result.Single<AliasInfo>();
        Assert.Equal("Disconnect-EdgeIngestor", alias.ResolvedCommand.Name);
        Assert.Equal("LiveStream", alias.ModuleName);
    }

    [Fact]
    public async Task The_default_views_show_the_ingestor_table_and_the_selection_list()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);

        var table = _shell.Run("Get-EdgeIngestor | Out-Default");
        var ingestorList = _shell.Run("Get-EdgeIngestor -First 1 | Format-List | Out-Default");
        var list = _shell.Run("Select-EdgeIngestor -ChannelId $id | Out-Default", ("id", stream.Id));

        table.AssertSuccess();
        list.AssertSuccess();
        Assert.Matches(@"Rank\s+Id\s+Ip\s+State\r?\n", WithoutColour(table.HostText));
        Assert.Matches($@"1\s+{VirginiaFirst}\s+35\.226\.139\.216\s+available\r?\n", WithoutColour(table.HostText));
        Assert.Matches(@"Stakes\s+: 3000000\s+Longitude\s+: -77\.2481\s+Latitude\s+: 38\.6583", WithoutColour(ingestorList.HostText));
        Assert.Matches(@"IngestUrl\s+: rtmp://35\.226\.139\.216:1935/live", WithoutColour(list.HostText));
        Assert.Contains("ObsHint", list.HostText);
    }

    [Fact]
    public async Task The_stream_key_is_masked_in_debug_output()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);

        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id -Debug", ("id", stream.Id));

        result.AssertSuccess();
        var key = result.Single<IngestorSelection>().StreamKey;
        Assert.NotEmpty(result.Debug);
        Assert.DoesNotContain(result.Debug, record => record.Message.Contains(key));
        Assert.DoesNotContain(result.Verbose, record => record.Message.Contains(key));
    }

    [Fact]
    public async Task When_no_ingestor_is_available_selecting_the_nearest_gives_a_LimitsExceeded_record()
    {
        var streams = new List<LiveChannel>();
        for (var i = 0; i < 3; i++)
        {
            streams.Add(await _theta.CreateStreamAsync(_theta.A));
        }

        for (var i = 0; i < 2; i++)
        {
            var other = await _theta.CreateStreamAsync(_theta.B);
            await _theta.B.SelectNearestIngestorAsync(other.Id, CancellationToken.None);
        }

        _shell.Run("$ids | Select-EdgeIngestor -ThrottleLimit 1", ("ids", streams.Select(stream => stream.Id).ToArray())).AssertSuccess();
        emulator.State.ClearRequests();

        // -Force: the stream has an ingestor (which it would otherwise keep) and asks for another.
        var result = _shell.Run("Select-EdgeIngestor -ChannelId $id -Force", ("id", streams[0].Id));

        var error = result.SingleError();
        Assert.Equal("LiveStream.LimitsExceeded,LiveStream.Commands.SelectEdgeIngestorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("No Theta Edge Ingestor is available", error.Exception.Message);
        Assert.DoesNotContain(emulator.Requests(), request => request.Method == "PUT");
    }

    [Fact]
    public async Task An_unknown_ingestor_is_NotFound_and_releasing_one_that_is_not_selected_is_success_with_a_verbose_line()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);

        var unknown = _shell.Run("Select-EdgeIngestor -Id $ingestor -ChannelId $id", ("ingestor", "0x" + new string('0', 40)), ("id", stream.Id));
        var notSelected = _shell.Run("Disconnect-EdgeIngestor -Id $ingestor -Verbose", ("ingestor", VirginiaFirst));

        Assert.Equal("LiveStream.NotFound,LiveStream.Commands.SelectEdgeIngestorCommand", unknown.SingleError().FullyQualifiedErrorId);
        notSelected.AssertSuccess();
        Assert.Contains(notSelected.Verbose, record => record.Message.Contains("is not selected", StringComparison.Ordinal));
        Assert.Single(emulator.Requests(), request => request.Method == "PUT" && request.Path.EndsWith("/unselect", StringComparison.Ordinal));
    }

    private static string WithoutColour(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");

    public Task DisposeAsync()
    {
        _shell.Dispose();
        _theta.Dispose();
        return Task.CompletedTask;
    }
}
