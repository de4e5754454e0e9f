using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>
/// GET /ingestor/filter, PUT /ingestor/{id}/select and PUT /ingestor/{id}/unselect. Selecting an ingestor that is not
/// available (the vendor does not document this answer) gives 409 with a message naming its state.
/// </summary>
public static class ThetaIngestorEndpoints
{
    public const string SelectForbidden = "You are not authorized to select this ingestor";
    public const string UnselectForbidden = "You are not authorized to unselect this ingestor";

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/ingestor/filter", (HttpRequest request) =>
            ThetaEdgeCloudApi.Handle(state, request, credentialsRequired: true, (store, account) =>
            {
                var ingestors = store.IngestorsNearestFirst().Select(ingestor => View(ingestor, store, account!)).ToArray();
                return ThetaApi.Success(new JsonObject
                {
                    ["total_count"] = ingestors.Length,
                    ["ingestors"] = new JsonArray(ingestors),
                });
            }));

        app.MapPut("/ingestor/{ingestorId}/select", async (string ingestorId, HttpRequest request) =>
        {
            var streamId = ThetaEdgeCloudApi.Text(await ThetaEdgeCloudApi.ReadObjectAsync(request), "tva_stream");
            return ThetaEdgeCloudApi.Handle(state, request, credentialsRequired: true, (store, account) =>
            {
                if (string.IsNullOrEmpty(streamId))
                {
                    return ThetaApi.Error(400, "tva_stream is required");
                }

                var ingestor = store.FindIngestor(ingestorId);
                if (ingestor == null)
                {
                    return ThetaApi.Error(404, "Ingestor not found");
                }

                if ((string?)store.FindStream(streamId)?["service_account_id"] != account!.Id)
                {
                    return ThetaApi.Error(403, SelectForbidden);
                }

                if (store.TakenBeforeNextSelect.Remove(ingestorId) && (string?)ingestor["state"] == "available")
                {
                    store.TakeForAnotherStreamer(ingestor);
                }

                if ((string?)ingestor["state"] != "available")
                {
                    return ThetaApi.Error(409, $"Ingestor is not available for selection (state: {ingestor["state"]})");
                }

                var selection = store.Select(ingestor, streamId, account.Id);
                return ThetaApi.Success(new JsonObject
                {
                    ["stream_server"] = selection.StreamServer,
                    ["stream_key"] = selection.StreamKey,
                });
            });
        });

        app.MapPut("/ingestor/{ingestorId}/unselect", (string ingestorId, HttpRequest request) =>
            ThetaEdgeCloudApi.Handle(state, request, credentialsRequired: true, (store, account) =>
            {
                var ingestor = store.FindIngestor(ingestorId);
                if (ingestor == null)
                {
                    return ThetaApi.Error(404, "Ingestor not found");
                }

                var selection = store.SelectionOfIngestor(ingestorId);
                if (selection == null)
                {
                    return ThetaApi.Error(409, $"Ingestor is not selected (state: {ingestor["state"]})");
                }

                if (selection.AccountId != account!.Id)
                {
                    return ThetaApi.Error(403, UnselectForbidden);
                }

                store.Release(selection);
                return ThetaApi.Success(new JsonObject());
            }));
    }

    /// <summary>An ingestor as listed to <paramref name="caller"/>: its stream_key only when the caller's stream selected it.</summary>
    private static JsonObject View(JsonObject ingestor, ThetaStore store, ThetaAccount caller)
    {
        var view = (JsonObject)ingestor.DeepClone();
        var selection = store.SelectionOfIngestor((string)ingestor["id"]!);
        view["stream_key"] = selection?.AccountId == caller.Id ? selection.StreamKey : null;
        return view;
    }
}
