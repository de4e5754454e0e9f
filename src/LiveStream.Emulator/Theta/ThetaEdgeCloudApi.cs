using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>
/// The livestream part of the Theta EdgeCloud Video API (streams and Edge Ingestors) and the emulator's Theta
/// control endpoints (caller location, encoder simulator, races).
/// </summary>
public static class ThetaEdgeCloudApi
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        ThetaStreamEndpoints.Map(app, state);
        ThetaIngestorEndpoints.Map(app, state);
        ThetaEmulatorControl.Map(app, state);
    }

    /// <summary>
    /// Authenticates the caller (credentials optional unless <paramref name="credentialsRequired"/>), then runs
    /// <paramref name="handle"/> under the store's lock once lapsed selections are released.
    /// </summary>
    public static IResult Handle(EmulatorState state, HttpRequest request, bool credentialsRequired,
        Func<ThetaStore, ThetaAccount?, IResult> handle)
    {
        var (account, failure) = ThetaApi.Authenticate(request, state.Theta, credentialsRequired);
        return failure ?? Handle(state, store => handle(store, account));
    }

    /// <summary>Runs <paramref name="handle"/> under the store's lock once lapsed selections are released.</summary>
    public static IResult Handle(EmulatorState state, Func<ThetaStore, IResult> handle)
    {
        var store = state.Theta;
        lock (store.Gate)
        {
            store.ExpireUnusedSelections();
            return handle(store);
        }
    }

    /// <summary>The request's JSON object body, or null when the body is empty, not JSON or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static double? Number(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
