using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LiveStream.Emulator;

namespace LiveStream.Bench;

/// <summary>Prepares the emulator's state over HTTP (vendor API and control endpoints) before each measurement.</summary>
internal sealed class EmulatorSeeder(Uri baseUri, SigmaAccount account) : IDisposable
{
    private readonly HttpClient _http = CreateClient(baseUri, account);

    public async Task ResetAsync() => (await _http.PostAsync("_emulator/reset", null)).EnsureSuccessStatusCode();

    public async Task AddLatencyAsync(string method, string pathPattern, int milliseconds) =>
        (await _http.PostAsJsonAsync("_emulator/faults", new { method, pathPattern, latencyMs = milliseconds }))
            .EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await _http.DeleteAsync("_emulator/faults")).EnsureSuccessStatusCode();

    public async Task<List<JsonObject>> CreateChannelsAsync(int count, bool start)
    {
        var created = new JsonObject[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (index, token) =>
            {
                var response = await _http.PostAsJsonAsync("api/livestream/channels", new { name = $"bench-{index:D5}" }, token);
                response.EnsureSuccessStatusCode();
                var channel = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
                if (start)
                {
                    (await _http.PatchAsync($"api/livestream/channels/{channel["id"]}/start", null, token)).EnsureSuccessStatusCode();
                }

                created[index] = channel;
            });
        return [.. created];
    }

    public async Task StartAsync(IEnumerable<string> channelIds) =>
        await Parallel.ForEachAsync(channelIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, token) =>
            (await _http.PatchAsync($"api/livestream/channels/{id}/start", null, token)).EnsureSuccessStatusCode());

    /// <summary>
    /// A live session on a new channel with <paramref name="events"/> events in all; a <see cref="TimeoutException"/>
    /// when making them takes longer than <paramref name="limit"/> (default: no limit).
    /// </summary>
    public async Task<string> SessionWithEventsAsync(int events, TimeSpan? limit = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var channel = (await CreateChannelsAsync(1, start: true))[0];
        var published = await _http.PostAsJsonAsync("_emulator/sigma/publish", new { streamToken = (string)channel["input"]!["streamToken"]! });
        published.EnsureSuccessStatusCode();
        var sessionId = (string)(await published.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        for (var remaining = events - 3; remaining > 0; remaining -= 10_000)
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Making {events} events took more than {limit.Value.TotalMinutes:0.#} min " +
                    $"({events - 3 - remaining} made); stopped.");
            }

            (await _http.PostAsJsonAsync("_emulator/sigma/events/generate", new { sessionId, count = Math.Min(remaining, 10_000) }))
                .EnsureSuccessStatusCode();
        }

        return sessionId;
    }

    /// <summary>The client a script writer would use instead of the module: one reused HttpClient with the same headers.</summary>
    public static HttpClient CreateClient(Uri baseUri, SigmaAccount account)
    {
        var http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(account.UserName + ":" + account.SecretKey)));
        http.DefaultRequestHeaders.Add("X-App-Id", account.AppId);
        return http;
    }

    public void Dispose() => _http.Dispose();
}
