using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The emulator's Sigma channel endpoints, called over HTTP as curl would call the real service.</summary>
public sealed class SigmaChannelEmulatorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = emulator.SigmaHttp();

    public Task InitializeAsync() => emulator.ResetAsync();

    [Fact]
    public async Task A_new_channel_is_201_with_a_guid_id_an_input_a_playback_url_and_the_create_fields_echoed()
    {
        var response = await _http.PostAsJsonAsync("api/livestream/channels", new
        {
            name = "Channel_02",
            description = (string?)null,
            tags = new[] { "news" },
            transcodeProfile = new[] { "fbffbd08-ed7f-4a51-aabd-3132ac863bb5" },
            type = "transcode",
            mode = "ultra-low-latency",
            stopTimeout = 30,
            catchup = false,
            record = false,
            outputFormat = "hls",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var channel = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)channel["id"]!;
        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.Equal("Channel_02", (string?)channel["name"]);
        Assert.Null(channel["description"]);
        Assert.Equal("news", (string?)channel["tags"]![0]);
        Assert.Equal("ultra-low-latency", (string?)channel["mode"]);
        Assert.Equal(30, (int)channel["stopTimeout"]!);
        Assert.Equal("idle", (string?)channel["status"]);
        Assert.Equal(emulator.Sigma.AppId, (string?)channel["appId"]);
        Assert.True(Guid.TryParse((string?)channel["inputId"], out _));
        Assert.True(channel.ContainsKey("currentSessionId"));
        Assert.Null(channel["currentSessionId"]);
        Assert.StartsWith("rtmp://", (string?)channel["input"]!["rtmpServer"]);
        Assert.StartsWith(id[..5] + "-", (string?)channel["input"]!["streamToken"]);
        Assert.Contains(id, (string?)channel["liveStreamUrl"]);
        Assert.Equal((string?)channel["createdAt"], (string?)channel["updatedAt"]);
        Assert.True(DateTimeOffset.TryParse((string?)channel["createdAt"], out _));
    }

    [Fact]
    public async Task An_unknown_channel_is_404_with_a_json_message()
    {
        var missing = Guid.NewGuid();

        var responses = new[]
        {
            await _http.GetAsync($"api/livestream/channels/{missing}"),
            await _http.PatchAsync($"api/livestream/channels/{missing}/start", null),
            await _http.DeleteAsync($"api/livestream/channels/{missing}/stop"),
            await _http.DeleteAsync($"api/livestream/channels/{missing}"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal($"Channel {missing} not found", (string?)body["message"]);
        }
    }

    [Fact]
    public async Task Status_goes_idle_active_stop_and_a_repeated_start_or_stop_is_409()
    {
        var id = await CreateAsync("lifecycle");

        var start = await _http.PatchAsync($"api/livestream/channels/{id}/start", null);
        var startAgain = await _http.PatchAsync($"api/livestream/channels/{id}/start", null);
        var active = await StatusAsync(id);
        var stop = await _http.DeleteAsync($"api/livestream/channels/{id}/stop");
        var stopAgain = await _http.DeleteAsync($"api/livestream/channels/{id}/stop");
        var stopped = await StatusAsync(id);
        var restart = await _http.PatchAsync($"api/livestream/channels/{id}/start", null);

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, startAgain.StatusCode);
        Assert.Equal("active", active);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stopAgain.StatusCode);
        Assert.Contains("not active", (string?)(await stopAgain.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
        Assert.Equal("stop", stopped);
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
    }

    [Fact]
    public async Task Stop_ends_the_running_session_and_clears_currentSessionId()
    {
        var id = await CreateAsync("on air");
        var sessionId = Guid.NewGuid().ToString();
        (await _http.PatchAsync($"api/livestream/channels/{id}/start", null)).EnsureSuccessStatusCode();
        emulator.EditSigma(store =>
        {
            store.Sessions.Add(new JsonObject { ["id"] = sessionId, ["channelId"] = id, ["status"] = "live" });
            store.FindChannel(id)!["currentSessionId"] = sessionId;
        });

        var stop = await _http.DeleteAsync($"api/livestream/channels/{id}/stop");

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Null((await _http.GetFromJsonAsync<JsonObject>($"api/livestream/channels/{id}"))!["currentSessionId"]);
        emulator.EditSigma(store =>
        {
            Assert.Equal("ended", (string?)store.FindSession(sessionId)!["status"]);
            Assert.NotNull((string?)store.FindSession(sessionId)!["finishedAt"]);
        });
    }

    [Fact]
    public async Task The_list_pages_filters_with_equality_and_and_and_sorts()
    {
        foreach (var name in new[] { "b", "a", "c", "a" })
        {
            await CreateAsync(name);
        }

        var page2 = await ListAsync("sort=name|asc&page=2&perPage=3");
        var equal = await ListAsync("q=" + Uri.EscapeDataString("{\"name\":\"a\"}"));
        var and = await ListAsync("q=" + Uri.EscapeDataString("{\"$and\":[{\"name\":\"a\"},{\"status\":\"idle\"}]}"));
        var descending = await ListAsync("sort=name|desc");

        Assert.Equal(["c"], Names(page2));
        Assert.Equal(4, (int)page2["total"]!);
        Assert.Equal(1, (int)page2["count"]!);
        Assert.Equal(2, (int)page2["page"]!);
        Assert.Equal(3, (int)page2["perPage"]!);
        Assert.Equal(["a", "a"], Names(equal));
        Assert.Equal(["a", "a"], Names(and));
        Assert.Equal(["c", "b", "a", "a"], Names(descending));
    }

    [Fact]
    public async Task Delete_is_refused_while_a_session_is_live_and_then_removes_the_channel_its_sessions_and_their_events()
    {
        var id = await CreateAsync("busy");
        var sessionId = Guid.NewGuid().ToString();
        emulator.EditSigma(store =>
        {
            store.Sessions.Add(new JsonObject { ["id"] = sessionId, ["channelId"] = id, ["status"] = "live" });
            store.Events.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["sessionId"] = sessionId, ["action"] = "stable" });
        });

        var refused = await _http.DeleteAsync($"api/livestream/channels/{id}");
        emulator.EditSigma(store => store.FindSession(sessionId)!["status"] = "ended");
        var deleted = await _http.DeleteAsync($"api/livestream/channels/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("live", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/livestream/channels/{id}")).StatusCode);
        emulator.EditSigma(store =>
        {
            Assert.Empty(store.Sessions);
            Assert.Empty(store.Events);
        });
    }

    [Fact]
    public async Task The_S3_secret_key_of_catchup_is_never_echoed()
    {
        var response = await _http.PostAsJsonAsync("api/livestream/channels", new
        {
            name = "catchup",
            catchup = true,
            destinationCatchup = new { type = "s3", s3 = new { bucket = "b", endpoint = "https://s3.example", accessKey = "AK", secretKey = "S3-SECRET-echo" } },
        });
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var created = await response.Content.ReadAsStringAsync();
        var read = await _http.GetStringAsync($"api/livestream/channels/{id}");
        var listed = await _http.GetStringAsync("api/livestream/channels");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"bucket\":\"b\"", read);
        Assert.DoesNotContain("S3-SECRET-echo", created + read + listed);
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"x\",\"mode\":\"fastest\"}", "mode")]
    [InlineData("{\"name\":\"x\",\"transcodeProfile\":[\"1080p\"]}", "transcodeProfile")]
    [InlineData("{\"name\":\"x\",\"stopTimeout\":\"soon\"}", "stopTimeout")]
    [InlineData("[1,2]", "JSON object")]
    public async Task A_create_body_of_the_wrong_shape_is_400_naming_the_field(string body, string field)
    {
        var response = await _http.PostAsync("api/livestream/channels", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
        Assert.Empty(emulator.StoredChannels());
    }

    private async Task<string> CreateAsync(string name)
    {
        var response = await _http.PostAsJsonAsync("api/livestream/channels", new { name });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<string?> StatusAsync(string id) =>
        (string?)(await _http.GetFromJsonAsync<JsonObject>($"api/livestream/channels/{id}"))!["status"];

    private async Task<JsonObject> ListAsync(string query) =>
        (await _http.GetFromJsonAsync<JsonObject>("api/livestream/channels?" + query))!;

    private static List<string?> Names(JsonObject page) =>
        page["data"]!.AsArray().Select(channel => (string?)channel!["name"]).ToList();

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }
}
