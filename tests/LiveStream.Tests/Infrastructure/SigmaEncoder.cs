using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Tests.Infrastructure;

/// <summary>The emulator's encoder simulator (/_emulator/sigma/...), called over HTTP as a test rig would.</summary>
public static class SigmaEncoder
{
    public static Task<JsonObject> PublishAsync(this EmulatorFixture emulator, string streamToken, string ip = "198.51.100.23") =>
        emulator.EncoderAsync("publish", new { streamToken, ip });

    public static Task<JsonObject> InterruptAsync(this EmulatorFixture emulator, string streamToken) =>
        emulator.EncoderAsync("interrupt", new { streamToken });

    public static Task<JsonObject> RestoreAsync(this EmulatorFixture emulator, string streamToken) =>
        emulator.EncoderAsync("restore", new { streamToken });

    public static Task<JsonObject> UnpublishAsync(this EmulatorFixture emulator, string streamToken) =>
        emulator.EncoderAsync("unpublish", new { streamToken });

    public static Task<JsonObject> GenerateEventsAsync(this EmulatorFixture emulator, string sessionId, int count) =>
        emulator.EncoderAsync("events/generate", new { sessionId, count });

    /// <summary>The status code the simulator answers, for refusals.</summary>
    public static async Task<int> TryPublishAsync(this EmulatorFixture emulator, string streamToken) =>
        (int)(await emulator.Control.PostAsJsonAsync("_emulator/sigma/publish", new { streamToken })).StatusCode;

    private static async Task<JsonObject> EncoderAsync(this EmulatorFixture emulator, string action, object body)
    {
        var response = await emulator.Control.PostAsJsonAsync("_emulator/sigma/" + action, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
