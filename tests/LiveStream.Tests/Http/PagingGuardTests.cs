using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// A list whose pages do not advance (a service that ignores <c>page</c>, or reports a total it never reaches) ends with
/// one LiveStream.InvalidResponse naming the endpoint, after the items it did list, each once. Every pipeline here is
/// bounded by Select-Object -First, so that the code before the fix (which pages forever) fails instead of hanging.
/// </summary>
public sealed class PagingGuardTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string ChannelList = "^/api/livestream/channels$";
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    private List<LiveChannel> MakeChannels(int count)
    {
        var made = _shell.Run("$names | New-LiveChannel -ThrottleLimit 16",
            ("names", Enumerable.Range(0, count).Select(index => $"page-{index:000}").ToArray()));
        made.AssertSuccess();
        emulator.State.ClearRequests();
        return made.Objects<LiveChannel>();
    }

    private static void AssertEndsWithInvalidResponse(PsResult result, string endpoint)
    {
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.InvalidResponse,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains(endpoint, error.Exception.Message);
        Assert.Null(result.Terminating);
    }

    [Fact]
    public async Task A_service_that_ignores_page_gives_each_channel_once_then_InvalidResponse_naming_the_endpoint()
    {
        MakeChannels(150);
        var firstPage = emulator.StoredChannels().Take(100).Select(channel => (string)channel["id"]!).ToList();
        await emulator.AddFaultAsync(new FaultRule(ChannelList, Method: "GET", Kind: FaultKind.IgnorePage, Total: 1000));

        var result = _shell.Run("Get-LiveChannel | Select-Object -First 1000");

        var listed = result.Objects<LiveChannel>();
        Assert.Equal(firstPage, listed.Select(channel => channel.Id));
        AssertEndsWithInvalidResponse(result, "GET /api/livestream/channels");
        Assert.Equal(2, emulator.Requests("/api/livestream/channels").Count);
    }

    [Fact]
    public async Task A_huge_total_with_the_page_echoed_but_the_same_data_ends_and_First_250_gives_no_duplicate()
    {
        MakeChannels(100);
        await emulator.AddFaultAsync(new FaultRule(ChannelList, Method: "GET", Kind: FaultKind.IgnorePage,
            Total: 1_000_000_000_000));

        var result = _shell.Run("Get-LiveChannel -First 250");

        var ids = result.Objects<LiveChannel>().Select(channel => channel.Id).ToList();
        Assert.Equal(100, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        AssertEndsWithInvalidResponse(result, "GET /api/livestream/channels");
    }

    [Fact]
    public async Task A_page_that_holds_more_items_than_the_total_allows_is_refused()
    {
        MakeChannels(5);
        await emulator.AddFaultAsync(new FaultRule(ChannelList, Method: "GET", Kind: FaultKind.LyingTotal, Total: 2));

        var result = _shell.Run("Get-LiveChannel | Select-Object -First 100");

        Assert.Empty(result.Output);
        AssertEndsWithInvalidResponse(result, "GET /api/livestream/channels");
    }

    [Fact]
    public async Task Get_LiveChannel_piped_to_Stop_LiveChannel_does_not_loop_over_the_same_channels()
    {
        var made = MakeChannels(3);
        await emulator.AddFaultAsync(new FaultRule(ChannelList, Method: "GET", Kind: FaultKind.IgnorePage, Total: 1000, PerPage: 3));

        var result = _shell.Run("Get-LiveChannel | Select-Object -First 50 | Stop-LiveChannel");

        AssertEndsWithInvalidResponse(result, "GET /api/livestream/channels");
        Assert.Equal(3, emulator.Requests("/api/livestream/channels/").Count(request => request.Path.EndsWith("/stop")));
        Assert.All(made, channel => Assert.Equal("idle", (string?)emulator.StoredChannel(channel.Id)["status"]));
    }

    [Fact]
    public async Task Sessions_and_events_lists_end_the_same_way()
    {
        var channel = MakeChannels(1)[0];
        _shell.Run("Start-LiveChannel -Id $id", ("id", channel.Id)).AssertSuccess();
        await emulator.PublishAsync(channel.StreamKey!);
        var sessionId = (string)emulator.StoredChannel(channel.Id)["currentSessionId"]!;
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/(sessions|events)$", Method: "GET",
            Kind: FaultKind.IgnorePage, Total: 1000, PerPage: 1));

        var sessions = _shell.Run("Get-LiveSession -ChannelId $id | Select-Object -First 20", ("id", channel.Id));
        var events = _shell.Run("Get-LiveSessionEvent -SessionId $id | Select-Object -First 20", ("id", sessionId));

        Assert.Equal([sessionId], sessions.Objects<LiveSession>().Select(session => session.Id));
        AssertEndsWithInvalidResponse(sessions, "GET /api/livestream/sessions");
        var eventIds = events.Objects<LiveSessionEvent>().Select(item => item.Id).ToList();
        Assert.Equal(emulator.State.Sigma.Events.Count(item => (string?)item["sessionId"] == sessionId), eventIds.Count);
        Assert.Equal(eventIds.Count, eventIds.Distinct().Count());
        AssertEndsWithInvalidResponse(events, "GET /api/livestream/events");
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    public void Dispose() => _shell.Dispose();
}
