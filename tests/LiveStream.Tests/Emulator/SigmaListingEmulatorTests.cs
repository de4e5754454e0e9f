using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The emulator's Sigma lists at scale: a page deep in a long list holds the items the whole list has there, for the
/// filters its indexes answer and for the ones they leave to a look at every item.
/// </summary>
public sealed class SigmaListingEmulatorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = emulator.SigmaHttp();

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("createdAt|desc", 150)]
    [InlineData("createdAt|asc", 150)]
    [InlineData("updatedAt|desc", 3)]
    [InlineData(null, 201)]
    public async Task A_page_deep_in_a_session_s_events_holds_the_events_the_whole_list_has_there(string? sort, int page)
    {
        var (first, second) = await TwoSessionsWithEventsAsync();

        var answer = await ListAsync("events", And(new JsonObject { ["sessionId"] = first }), sort, page, 100);

        var expected = Ordered(AllEvents().Where(item => (string?)item["sessionId"] == first), sort).ToList();
        Assert.Equal(20_103, expected.Count);
        Assert.Equal(expected.Count, (int)answer["total"]!);
        Assert.Equal(Ids(expected.Skip((page - 1) * 100).Take(100)), Ids(answer["data"]!.AsArray()));
        Assert.DoesNotContain(answer["data"]!.AsArray(), item => (string?)item!["sessionId"] == second);
    }

    [Fact]
    public async Task A_mixed_filter_on_a_session_s_events_still_holds_every_condition()
    {
        var (first, _) = await TwoSessionsWithEventsAsync();
        var since = (string)AllEvents().Where(item => (string?)item["sessionId"] == first).ElementAt(12_345)["createdAt"]!;

        var byAction = await ListAsync("events",
            And(new JsonObject { ["sessionId"] = first }, new JsonObject { ["action"] = "restored" }), "createdAt|desc", 40, 100);
        var byTime = await ListAsync("events",
            And(new JsonObject { ["sessionId"] = first }, new JsonObject { ["createdAt"] = new JsonObject { ["$gte"] = since } }),
            "createdAt|asc", 2, 100);
        var either = await ListAsync("events", new JsonObject
        {
            ["$or"] = new JsonArray(new JsonObject { ["sessionId"] = first }, new JsonObject { ["action"] = "stable" }),
        }, "createdAt|asc", 3, 100);

        var events = AllEvents();
        var restored = events.Where(item => (string?)item["sessionId"] == first && (string?)item["action"] == "restored").Reverse().ToList();
        Assert.Equal(restored.Count, (int)byAction["total"]!);
        Assert.Equal(Ids(restored.Skip(3_900).Take(100)), Ids(byAction["data"]!.AsArray()));
        var later = events.Where(item => (string?)item["sessionId"] == first &&
            string.CompareOrdinal((string?)item["createdAt"], since) >= 0).ToList();
        Assert.Equal(later.Count, (int)byTime["total"]!);
        Assert.Equal(Ids(later.Skip(100).Take(100)), Ids(byTime["data"]!.AsArray()));
        var eitherExpected = events.Where(item => (string?)item["sessionId"] == first || (string?)item["action"] == "stable").ToList();
        Assert.Equal(eitherExpected.Count, (int)either["total"]!);
        Assert.Equal(Ids(eitherExpected.Skip(200).Take(100)), Ids(either["data"]!.AsArray()));
    }

    [Fact]
    public async Task Channels_filtered_by_status_and_name_page_in_creation_order_and_follow_a_stop()
    {
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var response = await _http.PostAsJsonAsync("api/livestream/channels", new { name = i % 10 == 0 ? "tenth" : $"channel-{i:D3}" });
            ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        foreach (var id in ids.Where((_, i) => i % 3 == 0))
        {
            (await _http.PatchAsync($"api/livestream/channels/{id}/start", null)).EnsureSuccessStatusCode();
        }

        (await _http.DeleteAsync($"api/livestream/channels/{ids[30]}/stop")).EnsureSuccessStatusCode();

        var active = await ListAsync("channels", new JsonObject { ["status"] = "active" }, "createdAt|asc", 2, 40);
        var stopped = await ListAsync("channels", new JsonObject { ["status"] = "stop" }, null, 1, 10);
        var activeTenths = await ListAsync("channels",
            And(new JsonObject { ["status"] = "active" }, new JsonObject { ["name"] = "tenth" }), "createdAt|asc", 2, 3);

        var expectedActive = ids.Where((_, i) => i % 3 == 0 && i != 30).ToList();
        Assert.Equal(expectedActive.Count, (int)active["total"]!);
        Assert.Equal(expectedActive.Skip(40).Take(40), Ids(active["data"]!.AsArray()));
        Assert.Equal([ids[30]], Ids(stopped["data"]!.AsArray()));
        var expectedTenths = ids.Where((_, i) => i % 30 == 0 && i != 30).ToList();
        Assert.Equal(expectedTenths.Count, (int)activeTenths["total"]!);
        Assert.Equal(expectedTenths.Skip(3).Take(3), Ids(activeTenths["data"]!.AsArray()));
    }

    /// <summary>
    /// Two live sessions whose events interleave: the first gets 20,100 filler events (and its three first ones),
    /// the second 500 in the middle of them.
    /// </summary>
    private async Task<(string First, string Second)> TwoSessionsWithEventsAsync()
    {
        var first = await LiveSessionAsync("first");
        var second = await LiveSessionAsync("second");
        await GenerateAsync(first, 10_000);
        await GenerateAsync(second, 500);
        await GenerateAsync(first, 10_100);
        return (first, second);
    }

    private async Task<string> LiveSessionAsync(string name)
    {
        var created = await _http.PostAsJsonAsync("api/livestream/channels", new { name });
        var channel = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        (await _http.PatchAsync($"api/livestream/channels/{channel["id"]}/start", null)).EnsureSuccessStatusCode();
        var session = await emulator.PublishAsync((string)channel["input"]!["streamToken"]!);
        return (string)session["id"]!;
    }

    private async Task GenerateAsync(string sessionId, int count) =>
        (await emulator.Control.PostAsJsonAsync("_emulator/sigma/events/generate", new { sessionId, count })).EnsureSuccessStatusCode();

    private async Task<JsonObject> ListAsync(string list, JsonObject filter, string? sort, int page, int perPage)
    {
        var query = $"api/livestream/{list}?q={Uri.EscapeDataString(filter.ToJsonString())}&page={page}&perPage={perPage}" +
            (sort == null ? string.Empty : $"&sort={Uri.EscapeDataString(sort)}");
        var response = await _http.GetAsync(query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject And(params JsonObject[] conditions) => new() { ["$and"] = new JsonArray(conditions) };

    /// <summary>Every event the emulator holds, in the order it recorded them.</summary>
    private List<JsonObject> AllEvents()
    {
        var store = emulator.State.Sigma;
        lock (store.Gate)
        {
            return [.. store.Events];
        }
    }

    private static IEnumerable<JsonObject> Ordered(IEnumerable<JsonObject> items, string? sort)
    {
        if (sort == null)
        {
            return items;
        }

        var field = sort.Split('|')[0];
        return sort.EndsWith("|desc", StringComparison.Ordinal)
            ? items.OrderByDescending(item => (string?)item[field], StringComparer.Ordinal)
            : items.OrderBy(item => (string?)item[field], StringComparer.Ordinal);
    }

    private static List<string> Ids(IEnumerable<JsonNode?> items) => items.Select(item => (string)item!["id"]!).ToList();
}
