using System.Text.Json.Nodes;
using LiveStream.Emulator.Control;

namespace LiveStream.Emulator.Theta;

/// <summary>
/// The emulator's Theta controls under /_emulator/theta, in the vendor's envelope: where the caller is (the order of
/// GET /ingestor/filter), an encoder simulator that publishes to a selected ingestor as OBS would, and a race in which
/// another streamer takes an ingestor just before the next select of it.
/// </summary>
public static class ThetaEmulatorControl
{
    public const string Prefix = ControlApi.Prefix + "/theta";

    public static void Map(WebApplication app, EmulatorState state)
    {
        var control = app.MapGroup(Prefix);

        control.MapGet("/location", () => ThetaEdgeCloudApi.Handle(state, store => Location(store.CallerLocation)));

        control.MapPut("/location", async (HttpRequest request) =>
        {
            var body = await ThetaEdgeCloudApi.ReadObjectAsync(request);
            var longitude = ThetaEdgeCloudApi.Number(body, "longitude");
            var latitude = ThetaEdgeCloudApi.Number(body, "latitude");
            var location = new GeoPoint(longitude ?? double.NaN, latitude ?? double.NaN);
            if (!location.IsValid)
            {
                return ThetaApi.Error(400, "Give longitude (-180 to 180) and latitude (-90 to 90), e.g. {\"longitude\":8.68,\"latitude\":50.11}");
            }

            return ThetaEdgeCloudApi.Handle(state, store =>
            {
                store.CallerLocation = location;
                return Location(location);
            });
        });

        control.MapPost("/ingestors/{ingestorId}/take-before-next-select", (string ingestorId) =>
            ThetaEdgeCloudApi.Handle(state, store =>
            {
                if (store.FindIngestor(ingestorId) == null)
                {
                    return ThetaApi.Error(404, "Ingestor not found");
                }

                store.TakenBeforeNextSelect.Add(ingestorId);
                return ThetaApi.Success(new JsonObject { ["id"] = ingestorId });
            }));

        // An ingest server accepts a publish only for the key of a live selection at that server.
        control.MapPost("/encoder/publish", async (HttpRequest request) =>
        {
            var body = await ThetaEdgeCloudApi.ReadObjectAsync(request);
            var server = ThetaEdgeCloudApi.Text(body, "stream_server");
            var key = ThetaEdgeCloudApi.Text(body, "stream_key");
            if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(key))
            {
                return ThetaApi.Error(400, "Give the encoder's stream_server and stream_key");
            }

            return ThetaEdgeCloudApi.Handle(state, store =>
            {
                var selection = store.Selections.FirstOrDefault(candidate =>
                    candidate.StreamKey == key && string.Equals(candidate.StreamServer, server.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
                if (selection == null)
                {
                    return ThetaApi.Error(403, "Publish refused: no Edge Ingestor at this server is selected with this stream key");
                }

                if (selection.Publishing)
                {
                    return ThetaApi.Error(409, "An encoder is already publishing with this stream key");
                }

                store.Publish(selection);
                return Encoder(selection, store);
            });
        });

        control.MapPost("/encoder/unpublish", async (HttpRequest request) =>
        {
            var key = ThetaEdgeCloudApi.Text(await ThetaEdgeCloudApi.ReadObjectAsync(request), "stream_key");
            if (string.IsNullOrEmpty(key))
            {
                return ThetaApi.Error(400, "Give the encoder's stream_key");
            }

            return ThetaEdgeCloudApi.Handle(state, store =>
            {
                var selection = store.Selections.FirstOrDefault(candidate => candidate.StreamKey == key && candidate.Publishing);
                if (selection == null)
                {
                    return ThetaApi.Error(409, "No encoder is publishing with this stream key");
                }

                store.Unpublish(selection);
                return Encoder(selection, store);
            });
        });
    }

    private static IResult Location(GeoPoint location) =>
        ThetaApi.Success(new JsonObject { ["longitude"] = location.Longitude, ["latitude"] = location.Latitude });

    private static IResult Encoder(ThetaSelection selection, ThetaStore store) =>
        ThetaApi.Success(new JsonObject
        {
            ["tva_stream"] = selection.StreamId,
            ["ingestor"] = selection.IngestorId,
            ["status"] = (string?)store.FindStream(selection.StreamId)?["status"],
        });
}
