using LiveStream.Emulator.Control;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// Sigma channels: POST/GET /channels, GET/DELETE /channels/{id}, PATCH /channels/{id}/start, DELETE
/// /channels/{id}/stop. Status goes idle -> active (start) -> stop (stop); starting an active channel or stopping a channel
/// that is not active is a 409; a channel with a session in init, processing, error or live cannot be deleted (409), and
/// deleting a channel deletes its sessions and their events. The S3 secret key of catchup is write-only: kept out of
/// every answer. docs/about_LiveStream_Emulator.md describes these choices.
/// </summary>
public static class SigmaChannelEndpoints
{
    private static readonly string[] Types = ["transcode", "forward", "hybrid"];
    private static readonly string[] Modes = ["normal", "low-latency", "ultra-low-latency"];
    private static readonly string[] OutputFormats = ["hls", "dash"];
    private static readonly string[] SessionsThatBlockDelete = ["init", "processing", "error", "live"];

    public static void Map(RouteGroupBuilder api, EmulatorState state)
    {
        api.MapPost("/channels", async (HttpRequest request) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return SigmaErrors.BadRequest("The body must be a JSON object");
            }

            if (body is not JsonObject fields)
            {
                return SigmaErrors.BadRequest("The body must be a JSON object");
            }

            if (Invalid(fields) is { } problem)
            {
                return SigmaErrors.BadRequest(problem);
            }

            var store = state.Sigma;
            lock (store.Gate)
            {
                var channel = NewChannel(fields, state.Options.Sigma.AppId, request.Host.Host, store.Clock.Stamp());
                store.Channels.Add(channel);
                return Results.Json(channel, SigmaApi.Json, statusCode: StatusCodes.Status201Created);
            }
        });

        api.MapGet("/channels", (HttpRequest request) =>
        {
            var store = state.Sigma;
            lock (store.Gate)
            {
                return SigmaQuery.List(store.Channels, request);
            }
        });

        api.MapGet("/channels/{id}", (string id) => WithChannel(state, id, (_, channel) => Ok(channel)));

        api.MapPatch("/channels/{id}/start", (string id) => WithChannel(state, id, (store, channel) =>
        {
            if ((string?)channel["status"] == "active")
            {
                return SigmaErrors.Conflict($"Channel {id} is already active");
            }

            store.SetChannelStatus(channel, "active");
            SimulatedEncoder.OnChannelStarted(state, id);
            return Ok(channel);
        }));

        api.MapDelete("/channels/{id}/stop", (string id) => WithChannel(state, id, (store, channel) =>
        {
            if ((string?)channel["status"] != "active")
            {
                return SigmaErrors.Conflict($"Channel {id} is not active (status {(string?)channel["status"]})");
            }

            store.EndCurrentSession(channel, "user");
            store.SetChannelStatus(channel, "stop");
            return Ok(channel);
        }));

        api.MapDelete("/channels/{id}", (string id) => WithChannel(state, id, (store, channel) =>
        {
            var sessions = store.Sessions.Indexed("channelId", id)!.ToList();
            if (sessions.FirstOrDefault(session => SessionsThatBlockDelete.Contains((string?)session["status"])) is { } busy)
            {
                return SigmaErrors.Conflict($"Channel {id} has session {(string?)busy["id"]} in status " +
                    $"{(string?)busy["status"]}; stop the channel and wait for the session to end before deleting it");
            }

            var sessionIds = sessions.Select(session => (string?)session["id"]).ToHashSet();
            store.Events.RemoveSessions(sessionIds);
            store.Sessions.RemoveAll(session => sessionIds.Contains((string?)session["id"]));
            store.Channels.Remove(channel);
            return Ok(channel);
        }));
    }

    private static IResult WithChannel(EmulatorState state, string id, Func<SigmaStore, JsonObject, IResult> action)
    {
        var store = state.Sigma;
        lock (store.Gate)
        {
            return store.FindChannel(id) is { } channel
                ? action(store, channel)
                : SigmaErrors.NotFound($"Channel {id} not found");
        }
    }

    private static IResult Ok(JsonObject channel) => Results.Json(channel.DeepClone(), SigmaApi.Json);

    /// <summary>What is wrong with a create body, in the words a validating API would use; null when nothing is.</summary>
    private static string? Invalid(JsonObject body)
    {
        if (string.IsNullOrWhiteSpace(Text(body["name"])))
        {
            return "name must be a non-empty string";
        }

        if (body["description"] is { } description && !IsString(description))
        {
            return "description must be a string or null";
        }

        if (body["tags"] is { } tags && (tags is not JsonArray tagList || !tagList.All(tag => tag != null && IsString(tag))))
        {
            return "tags must be a list of strings";
        }

        if (body["transcodeProfile"] is { } profiles && (profiles is not JsonArray profileList ||
                !profileList.All(profile => Guid.TryParse(Text(profile), out _))))
        {
            return "transcodeProfile must be a list of profile ids";
        }

        var badChoice = OneOf(body, "type", Types) ?? OneOf(body, "mode", Modes) ?? OneOf(body, "outputFormat", OutputFormats);
        if (badChoice != null)
        {
            return badChoice;
        }

        if (body["stopTimeout"] is { } timeout && (timeout is not JsonValue seconds || !seconds.TryGetValue<int>(out var value) || value < 0))
        {
            return "stopTimeout must be a whole number of seconds from 0";
        }

        foreach (var flag in new[] { "catchup", "record" })
        {
            if (body[flag] is { } setting && setting.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return flag + " must be true or false";
            }
        }

        if (body["machine"] is JsonObject machine && machine["enabled"]?.GetValueKind() == JsonValueKind.True &&
            !Guid.TryParse(Text(machine["machineId"]), out _))
        {
            return "machine.machineId must be a machine id when machine.enabled is true";
        }

        if (body["catchup"]?.GetValueKind() == JsonValueKind.True && body["destinationCatchup"] is JsonObject catchup)
        {
            if (Text(catchup["type"]) != "s3" || catchup["s3"] is not JsonObject s3)
            {
                return "destinationCatchup must be {\"type\":\"s3\",\"s3\":{...}}";
            }

            if (string.IsNullOrEmpty(Text(s3["bucket"])) || string.IsNullOrEmpty(Text(s3["endpoint"])))
            {
                return "destinationCatchup.s3 needs a bucket and an endpoint";
            }
        }

        return null;
    }

    private static bool IsString(JsonNode node) => node.GetValueKind() == JsonValueKind.String;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? OneOf(JsonObject body, string field, string[] allowed) =>
        body[field] is not { } value || allowed.Contains(Text(value))
            ? null
            : $"{field} must be one of {string.Join(", ", allowed)}";

    /// <summary>A channel as Sigma shows it: the create fields echoed (in the document's order) and what the service adds.</summary>
    private static JsonObject NewChannel(JsonObject fields, string appId, string host, string now)
    {
        var id = Guid.NewGuid().ToString();
        var streamToken = id[..5] + "-" + Guid.NewGuid().ToString("N")[..20] + "-" + id[^5..];
        var catchup = fields["destinationCatchup"]?.DeepClone();
        if (catchup?["s3"] is JsonObject s3)
        {
            s3.Remove("secretKey");
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = fields["name"]!.DeepClone(),
            ["description"] = fields["description"]?.DeepClone(),
            ["tags"] = fields["tags"]?.DeepClone() ?? new JsonArray(),
            ["appId"] = appId,
            ["inputId"] = Guid.NewGuid().ToString(),
            ["transcodeProfile"] = fields["transcodeProfile"]?.DeepClone() ?? new JsonArray(),
            ["type"] = fields["type"]?.DeepClone() ?? "transcode",
            ["mode"] = fields["mode"]?.DeepClone() ?? "normal",
            ["stopTimeout"] = fields["stopTimeout"]?.DeepClone() ?? 30,
            ["catchup"] = fields["catchup"]?.DeepClone() ?? false,
            ["destinationCatchup"] = catchup,
            ["record"] = fields["record"]?.DeepClone() ?? false,
            ["outputFormat"] = fields["outputFormat"]?.DeepClone() ?? "hls",
            ["status"] = "idle",
            ["machine"] = fields["machine"]?.DeepClone(),
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["currentSessionId"] = null,
            ["input"] = new JsonObject
            {
                ["streamToken"] = streamToken,
                ["rtmpServer"] = $"rtmp://{host}:1935/livestream",
            },
            ["liveStreamUrl"] = $"http://{host}:8080/manifest/{id}/master.m3u8",
        };
    }
}
