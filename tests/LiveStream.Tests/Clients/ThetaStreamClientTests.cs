using System.Text.Json;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Theta;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The Theta client's stream and ingestor calls against the emulator (no cmdlet creates Theta streams yet).</summary>
public sealed class ThetaStreamClientTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly ThetaDriver _theta = new(emulator.Emulator);

    public Task InitializeAsync() => emulator.ResetAsync();

    [Fact]
    public async Task A_new_stream_is_off_has_the_documented_id_form_and_no_ingest_details()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A, "Sunday service");

        Assert.True(LiveStream.Ids.IdForms.Matches(LiveStream.Ids.IdKind.ThetaStream, stream.Id), stream.Id);
        Assert.Equal("Sunday service", stream.Name);
        Assert.Equal("off", stream.Status);
        Assert.Equal(LiveStreamVendor.Theta, stream.Provider);
        Assert.Equal(emulator.ThetaA.Id, stream.Connection!.AccountId);
        Assert.NotNull(stream.UpdatedAt);
        Assert.Null(stream.IngestUrl);
        Assert.Null(stream.StreamKey);
        Assert.Null(stream.PlaybackUrl);
        var create = Assert.Single(emulator.Requests("/stream"));
        Assert.Equal("POST", create.Method);
        Assert.Equal("{\"name\":\"Sunday service\"}", create.Body);
    }

    [Fact]
    public async Task Streams_are_created_up_to_three_and_the_fourth_fails_as_LimitsExceeded_with_the_vendor_message()
    {
        for (var i = 1; i <= 3; i++)
        {
            await _theta.CreateStreamAsync(_theta.A, "stream " + i);
        }

        var refused = await Assert.ThrowsAsync<LiveStreamApiException>(() => _theta.CreateStreamAsync(_theta.A, "stream 4"));
        var otherAccount = await _theta.CreateStreamAsync(_theta.B, "B's first");

        Assert.Equal(ApiErrorKind.LimitsExceeded, refused.Kind);
        Assert.Equal("LiveStream.LimitsExceeded", refused.ErrorId);
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("Live stream limit reached - you already have 3/3 streams", refused.VendorMessage);
        Assert.Contains("Live stream limit reached - you already have 3/3 streams", refused.Message);
        Assert.Contains("at most 3 streams", refused.Message);
        Assert.Equal(3, (await _theta.A.ListStreamsAsync(null, CancellationToken.None)).Count);
        Assert.Equal("off", otherAccount.Status);
    }

    [Fact]
    public async Task Other_400_answers_of_create_stay_InvalidArgument()
    {
        var refused = await Assert.ThrowsAsync<LiveStreamApiException>(() => _theta.CreateStreamAsync(_theta.A, " "));

        Assert.Equal(ApiErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal("name is required", refused.VendorMessage);
    }

    [Fact]
    public async Task The_stream_list_is_the_accounts_own_and_filters_by_status()
    {
        var live = await _theta.CreateStreamAsync(_theta.A, "live");
        var idle = await _theta.CreateStreamAsync(_theta.A, "idle");
        await _theta.CreateStreamAsync(_theta.B, "not mine");
        var selection = await _theta.A.SelectNearestIngestorAsync(live.Id, CancellationToken.None);
        (await _theta.PublishAsync(selection.IngestUrl, selection.StreamKey)).AssertSuccess();

        var all = await _theta.A.ListStreamsAsync(null, CancellationToken.None);
        var on = await _theta.A.ListStreamsAsync(ThetaStreamStatus.On, CancellationToken.None);
        var off = await _theta.A.ListStreamsAsync(ThetaStreamStatus.Off, CancellationToken.None);

        Assert.Equal([live.Id, idle.Id], all.Select(stream => stream.Id));
        Assert.Equal([live.Id], on.Select(stream => stream.Id));
        Assert.Equal([idle.Id], off.Select(stream => stream.Id));
        Assert.Equal(emulator.ThetaA.Id, all[0].Raw["service_account_id"]);
        Assert.Null(all[0].StreamKey);
        Assert.Contains(emulator.Requests($"/service_account/{emulator.ThetaA.Id}/streams"), request => request.Query == "?status=on");
    }

    [Fact]
    public async Task Get_stream_shows_the_ingest_details_only_to_its_owner_while_an_ingestor_is_selected()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var before = await _theta.GetStreamAsync(_theta.A, stream.Id);
        var selection = await _theta.A.SelectNearestIngestorAsync(stream.Id, CancellationToken.None);

        var owner = await _theta.GetStreamAsync(_theta.A, stream.Id);
        var otherAccount = await _theta.GetStreamAsync(_theta.B, stream.Id);
        var anonymous = await _theta.GetStreamWithoutHeadersAsync(stream.Id);

        Assert.Null(before.IngestUrl);
        Assert.Equal(selection.IngestUrl, owner.IngestUrl);
        Assert.Equal(selection.StreamKey, owner.StreamKey);
        Assert.Null(otherAccount.IngestUrl);
        Assert.Null(otherAccount.StreamKey);
        Assert.Equal(200, anonymous.StatusCode);
        Assert.Equal(stream.Id, (string?)anonymous.Body["id"]);
        Assert.False(anonymous.Body.ContainsKey("stream_server"));
        Assert.False(anonymous.Body.ContainsKey("stream_key"));
    }

    [Fact]
    public async Task An_unknown_stream_is_NotFound()
    {
        var missing = await Assert.ThrowsAsync<LiveStreamApiException>(() =>
            _theta.GetStreamAsync(_theta.A, "stream_" + new string('z', 25)));

        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
        Assert.Equal("GET /stream/{id}", missing.Endpoint);
    }

    [Fact]
    public void Older_and_extra_stream_fields_are_tolerated_and_playback_url_stands_in_for_playback_uri()
    {
        using var json = JsonDocument.Parse("""
            {"id":"stream_abcdefghijklmnopqrstuvwxy","service_account_id":"srvacc_abcdefghijklmnopqrstuvwxy",
             "name":"old","status":"on","update_time":"2023-11-08T00:57:02.462Z","fps":30,
             "playback_url":"https://media.example/old.m3u8","thumbnail_url":"https://media.example/old.jpg"}
            """);

        var stream = ThetaClient.ReadStream(json.RootElement, null);

        Assert.Equal("on", stream.Status);
        Assert.Equal("https://media.example/old.m3u8", stream.PlaybackUrl);
        Assert.Equal(new DateTimeOffset(2023, 11, 8, 0, 57, 2, 462, TimeSpan.Zero), stream.UpdatedAt);
        Assert.Equal(30L, stream.Raw["fps"]);
        Assert.Equal("https://media.example/old.jpg", stream.Raw["thumbnail_url"]);
    }

    [Fact]
    public async Task The_ingestor_selected_for_a_stream_is_found_and_none_after_release()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var none = await _theta.A.FindSelectedIngestorAsync(stream.Id, CancellationToken.None);
        var selection = await _theta.A.SelectNearestIngestorAsync(stream.Id, CancellationToken.None);

        var found = await _theta.A.FindSelectedIngestorAsync(stream.Id, CancellationToken.None);
        await _theta.A.UnselectIngestorAsync(found!.Id, CancellationToken.None);
        var afterRelease = await _theta.A.FindSelectedIngestorAsync(stream.Id, CancellationToken.None);

        Assert.Null(none);
        Assert.Equal(selection.IngestorId, found.Id);
        Assert.Equal("selected", found.State);
        Assert.Null(afterRelease);
    }

    [Fact]
    public async Task A_second_selection_for_a_stream_replaces_the_first()
    {
        var stream = await _theta.CreateStreamAsync(_theta.A);
        var first = await _theta.A.SelectIngestorAsync(await _theta.NearestAvailableIngestorIdAsync(1), stream.Id, CancellationToken.None);
        var secondId = await _theta.NearestAvailableIngestorIdAsync(1);

        var second = await _theta.A.SelectIngestorAsync(secondId, stream.Id, CancellationToken.None);

        Assert.Equal("available", (await _theta.IngestorAsync(first.IngestorId)).State);
        Assert.Equal("selected", (await _theta.IngestorAsync(second.IngestorId)).State);
        Assert.Equal(second.StreamKey, (await _theta.GetStreamAsync(_theta.A, stream.Id)).StreamKey);
    }

    public Task DisposeAsync()
    {
        _theta.Dispose();
        return Task.CompletedTask;
    }
}
