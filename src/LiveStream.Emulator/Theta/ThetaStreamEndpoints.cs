using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>POST /stream and GET /stream/{id}. (The account's stream list is in <see cref="ThetaApi"/>.)</summary>
public static class ThetaStreamEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost("/stream", async (HttpRequest request) =>
        {
            var name = ThetaEdgeCloudApi.Text(await ThetaEdgeCloudApi.ReadObjectAsync(request), "name");
            return ThetaEdgeCloudApi.Handle(state, request, credentialsRequired: true, (store, account) =>
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return ThetaApi.Error(400, "name is required");
                }

                var held = store.StreamCountOf(account!.Id);
                if (held >= ThetaStore.StreamLimitPerAccount)
                {
                    return ThetaApi.Error(400,
                        $"Live stream limit reached - you already have {held}/{ThetaStore.StreamLimitPerAccount} streams");
                }

                var stream = new JsonObject
                {
                    ["id"] = ThetaIdentifiers.NewStreamId(),
                    ["service_account_id"] = account.Id,
                    ["name"] = name,
                    ["status"] = "off",
                    ["update_time"] = store.Clock.Stamp(),
                    ["playback_uri"] = null,
                    ["player_uri"] = null,
                };
                store.Streams.Add(stream);
                return ThetaApi.Success(View(stream, null));
            });
        });

        // The credential headers are optional here; stream_server and stream_key are shown only to the stream's owner.
        app.MapGet("/stream/{streamId}", (string streamId, HttpRequest request) =>
            ThetaEdgeCloudApi.Handle(state, request, credentialsRequired: false, (store, account) =>
            {
                var stream = store.FindStream(streamId);
                if (stream == null)
                {
                    return ThetaApi.Error(404, "Stream not found");
                }

                var isOwner = account != null && (string?)stream["service_account_id"] == account.Id;
                return ThetaApi.Success(View(stream, isOwner ? store.SelectionOfStream(streamId) : null));
            }));
    }

    /// <summary>A stream as create and get show it: without its owner, with the ingest details when given a selection.</summary>
    private static JsonObject View(JsonObject stream, ThetaSelection? selection)
    {
        var view = (JsonObject)stream.DeepClone();
        view.Remove("service_account_id");
        if (selection != null)
        {
            view["stream_server"] = selection.StreamServer;
            view["stream_key"] = selection.StreamKey;
        }

        return view;
    }
}
