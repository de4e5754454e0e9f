using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>Sessions and events: GET /sessions, GET /sessions/{id}/status, GET /events.</summary>
public static class SigmaSessionEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorState state)
    {
        api.MapGet("/sessions", (HttpRequest request) =>
        {
            var store = state.Sigma;
            lock (store.Gate)
            {
                return SigmaQuery.List(store.Sessions, request);
            }
        });

        api.MapGet("/sessions/{sessionId}/status", (string sessionId) =>
        {
            var store = state.Sigma;
            lock (store.Gate)
            {
                var session = store.FindSession(sessionId);
                return session == null
                    ? SigmaErrors.NotFound($"Session {sessionId} not found")
                    : Results.Json(new JsonObject { ["status"] = (string?)session["status"] }, SigmaApi.Json);
            }
        });

        api.MapGet("/events", (HttpRequest request) =>
        {
            var store = state.Sigma;
            lock (store.Gate)
            {
                return SigmaQuery.List(store.Events, request);
            }
        });
    }
}
