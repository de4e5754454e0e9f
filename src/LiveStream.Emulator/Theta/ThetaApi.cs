using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma;

namespace LiveStream.Emulator.Theta;

/// <summary>The Theta EdgeCloud Video API endpoints, every answer in the {"status":"success","body":...} envelope.</summary>
public static class ThetaApi
{
    public const string IdHeader = "x-tva-sa-id";
    public const string SecretHeader = "x-tva-sa-secret";

    public static void Map(WebApplication app, EmulatorState state)
    {
        ThetaEdgeCloudApi.Map(app, state);
        app.MapGet("/service_account/{accountId}/streams", (string accountId, HttpRequest request) =>
        {
            if (Authenticate(request, state.Theta, required: true) is { Failure: { } failure })
            {
                return failure;
            }

            if (request.Headers[IdHeader].ToString() != accountId)
            {
                return Error(403, "You are not authorized to list the streams of this service account");
            }

            var status = request.Query["status"].ToString();
            if (status is not ("" or "on" or "off"))
            {
                return Error(400, "status must be on or off");
            }

            var store = state.Theta;
            lock (store.Gate)
            {
                var streams = store.Streams
                    .Where(stream => (string?)stream["service_account_id"] == accountId)
                    .Where(stream => status == "" || (string?)stream["status"] == status)
                    .Select(PublicView)
                    .ToArray();
                return Success(new JsonObject { ["total_count"] = streams.Length, ["streams"] = new JsonArray(streams) });
            }
        });
    }

    /// <summary>A stream as the list shows it: without the ingest server and key.</summary>
    public static JsonNode PublicView(JsonObject stream)
    {
        var view = (JsonObject)stream.DeepClone();
        view.Remove("stream_server");
        view.Remove("stream_key");
        return view;
    }

    public static IResult Success(JsonNode body) =>
        Results.Json(new JsonObject { ["status"] = "success", ["body"] = body }, SigmaApi.Json);

    public static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["status"] = "error", ["message"] = message }, SigmaApi.Json, statusCode: status);

    /// <summary>
    /// The caller's service account from the x-tva-sa-id/x-tva-sa-secret headers. Headers are optional on some reads:
    /// with <paramref name="required"/> false and no headers the caller is anonymous (Account null, no Failure).
    /// </summary>
    public static (ThetaAccount? Account, IResult? Failure) Authenticate(HttpRequest request, ThetaStore store, bool required)
    {
        var id = request.Headers[IdHeader].ToString();
        var secret = request.Headers[SecretHeader].ToString();
        if (id.Length == 0 && secret.Length == 0 && !required)
        {
            return (null, null);
        }

        if (id.Length == 0 || secret.Length == 0)
        {
            return (null, Error(401, "Missing x-tva-sa-id or x-tva-sa-secret header"));
        }

        var account = store.FindAccount(id);
        if (account == null || account.Secret != secret)
        {
            return (null, Error(401, "Invalid service account id or secret"));
        }

        return (account, null);
    }
}
