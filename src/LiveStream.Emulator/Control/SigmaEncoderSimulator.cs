using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma;

namespace LiveStream.Emulator.Control;

/// <summary>
/// Acts like an RTMP encoder on a Sigma channel's stream token, under /_emulator/sigma: publish, interrupt and restore
/// the signal, unpublish; and a filler of many events for paging tests.
/// </summary>
public static class SigmaEncoderSimulator
{
    public static void Map(RouteGroupBuilder control, EmulatorState state)
    {
        var sigma = control.MapGroup("/sigma");

        sigma.MapPost("/publish", (EncoderAction action) =>
            WithChannel(state, action, (store, channel) => Publish(store, channel, action.Ip ?? "203.0.113.10")));

        sigma.MapPost("/interrupt", (EncoderAction action) => WithLiveSession(state, action, (store, session) =>
            store.AddEvent((string)session["id"]!, "interrupted", SigmaMessages.Interrupted)));

        sigma.MapPost("/restore", (EncoderAction action) => WithLiveSession(state, action, (store, session) =>
            store.AddEvent((string)session["id"]!, "restored", SigmaMessages.Restored)));

        sigma.MapPost("/unpublish", (EncoderAction action) => WithChannel(state, action, (store, channel) =>
        {
            var ended = store.EndCurrentSession(channel, "user");
            return ended == null
                ? SigmaErrors.Conflict("Nothing is publishing on this stream key")
                : Results.Json(ended, SigmaApi.Json);
        }));

        sigma.MapPost("/events/generate", (GenerateEvents request) =>
        {
            var store = state.Sigma;
            lock (store.Gate)
            {
                if (store.FindSession(request.SessionId) == null)
                {
                    return SigmaErrors.NotFound($"Session {request.SessionId} not found");
                }

                store.AddFillerEvents(request.SessionId, request.Count);
                return Results.Json(new JsonObject { ["generated"] = request.Count }, SigmaApi.Json);
            }
        });
    }

    /// <summary>An encoder starts pushing: a new live session with its first events. The caller holds the store's lock.</summary>
    public static IResult Publish(SigmaStore store, JsonObject channel, string ip)
    {
        if ((string?)channel["status"] != "active")
        {
            return SigmaErrors.Forbidden(
                $"Publish refused: channel {(string?)channel["id"]} is not started (status {(string?)channel["status"]}). Start it first.");
        }

        if (channel["currentSessionId"] != null)
        {
            return SigmaErrors.Conflict("Publish refused: the stream key is already publishing");
        }

        var session = NewSession(store, channel, ip);
        var id = (string)session["id"]!;
        store.AddEvent(id, "initialize", SigmaMessages.Initialize);
        store.AddEvent(id, "start", SigmaMessages.Start);
        store.AddEvent(id, "stable", SigmaMessages.Stable);
        session["status"] = "live";
        return Results.Json(session, SigmaApi.Json);
    }

    private static JsonObject NewSession(SigmaStore store, JsonObject channel, string ip)
    {
        var (time, stamp) = store.NextStamp();
        var input = channel["input"] as JsonObject;
        var id = Guid.NewGuid().ToString();
        var session = new JsonObject
        {
            ["name"] = $"{(string?)channel["name"]}_{time.UtcDateTime:yyyy-MM-dd-HH:mm:ss}",
            ["status"] = "init",
            ["appId"] = channel["appId"]?.DeepClone(),
            ["recordUrls"] = new JsonArray(),
            ["clientInfo"] = new JsonObject
            {
                ["action"] = "on_publish",
                ["stream"] = input?["streamToken"]?.DeepClone(),
                ["ip"] = ip,
                ["client_id"] = Guid.NewGuid().ToString("N")[..8],
                ["param"] = "",
                ["tcUrl"] = input?["rtmpServer"]?.DeepClone(),
                ["ips"] = new JsonArray(),
                ["app"] = "livestream",
                ["stream_id"] = "vid-" + Guid.NewGuid().ToString("N")[..7],
            },
            ["duration"] = 0,
            ["isCreateTask"] = true,
            ["channelId"] = channel["id"]?.DeepClone(),
            ["channel"] = EmbeddedChannel(channel),
            ["id"] = id,
            ["events"] = new JsonArray(),
            ["createdAt"] = stamp,
            ["updatedAt"] = stamp,
            ["startedAt"] = stamp,
            ["finishedAt"] = null,
        };
        store.Sessions.Add(session);
        channel["currentSessionId"] = id;
        return session;
    }

    /// <summary>The channel as a session embeds it: without its stream key and S3 keys.</summary>
    private static JsonObject EmbeddedChannel(JsonObject channel)
    {
        var copy = (JsonObject)channel.DeepClone();
        copy.Remove("input");
        if (copy["destinationCatchup"]?["s3"] is JsonObject s3)
        {
            s3.Remove("accessKey");
            s3.Remove("secretKey");
        }

        return copy;
    }

    private static IResult WithChannel(EmulatorState state, EncoderAction action, Func<SigmaStore, JsonObject, IResult> act)
    {
        var store = state.Sigma;
        lock (store.Gate)
        {
            var channel = store.Channels.FirstOrDefault(candidate =>
                (string?)candidate["input"]?["streamToken"] == action.StreamToken);
            return channel == null
                ? SigmaErrors.NotFound("Publish refused: no channel has this stream key")
                : act(store, channel);
        }
    }

    private static IResult WithLiveSession(EmulatorState state, EncoderAction action, Action<SigmaStore, JsonObject> act) =>
        WithChannel(state, action, (store, channel) =>
        {
            var sessionId = (string?)channel["currentSessionId"];
            if (sessionId == null || store.FindSession(sessionId) is not { } session)
            {
                return SigmaErrors.Conflict("Nothing is publishing on this stream key");
            }

            act(store, session);
            return Results.Json(session, SigmaApi.Json);
        });
}

public sealed record EncoderAction(string StreamToken, string? Ip = null);

public sealed record GenerateEvents(string SessionId, int Count);
