using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Theta;

namespace LiveStream.Tests.Infrastructure;

/// <summary>
/// Sets up Theta scenes from C#: ThetaClients of the emulator's two service accounts (streams are created through the
/// module's own client, to set a scene apart from the cmdlets under test), the emulator's Theta controls over HTTP, and raw reads.
/// </summary>
public sealed class ThetaDriver(LiveStreamEmulator emulator) : IDisposable
{
    private readonly List<LiveStreamConnection> _connections = [];
    private readonly HttpClient _http = new() { BaseAddress = emulator.BaseUri };

    public ThetaClient A => ClientFor(emulator.Options.Theta[0]);

    public ThetaClient B => ClientFor(emulator.Options.Theta[1]);

    public ThetaClient ClientFor(ThetaAccount account)
    {
        var connection = _connections.FirstOrDefault(existing => existing.AccountId == account.Id);
        if (connection == null)
        {
            connection = LiveStreamConnection.ForTheta("driver-" + account.Id, emulator.BaseUri, account.Id,
                new NetworkCredential(string.Empty, account.Secret).SecurePassword, new HttpSettings { MaxRetries = 0 });
            _connections.Add(connection);
        }

        return connection.CreateThetaClient(null);
    }

    public Task<LiveChannel> CreateStreamAsync(ThetaClient client, string name = "demo") =>
        client.CreateStreamAsync(name, CancellationToken.None);

    public Task<LiveChannel> GetStreamAsync(ThetaClient client, string streamId) =>
        client.GetStreamAsync(streamId, CancellationToken.None);

    public async Task<string> NearestAvailableIngestorIdAsync(int rank = 1) =>
        (await A.ListIngestorsAsync(CancellationToken.None)).Where(ingestor => ingestor.IsAvailable).ElementAt(rank - 1).Id;

    public async Task<EdgeIngestor> IngestorAsync(string id) =>
        (await A.ListIngestorsAsync(CancellationToken.None)).Single(ingestor => ingestor.Id == id);

    public Task<ControlAnswer> SetCallerLocationAsync(double longitude, double latitude) =>
        SendAsync(HttpMethod.Put, "_emulator/theta/location", new JsonObject { ["longitude"] = longitude, ["latitude"] = latitude });

    public Task<ControlAnswer> GetCallerLocationAsync() => SendAsync(HttpMethod.Get, "_emulator/theta/location", null);

    public Task<ControlAnswer> TakeBeforeNextSelectAsync(string ingestorId) =>
        SendAsync(HttpMethod.Post, $"_emulator/theta/ingestors/{ingestorId}/take-before-next-select", new JsonObject());

    public Task<ControlAnswer> PublishAsync(string streamServer, string streamKey) =>
        SendAsync(HttpMethod.Post, "_emulator/theta/encoder/publish",
            new JsonObject { ["stream_server"] = streamServer, ["stream_key"] = streamKey });

    public Task<ControlAnswer> UnpublishAsync(string streamKey) =>
        SendAsync(HttpMethod.Post, "_emulator/theta/encoder/unpublish", new JsonObject { ["stream_key"] = streamKey });

    /// <summary>GET /stream/{id} without the credential headers, which the vendor documents as optional there.</summary>
    public Task<ControlAnswer> GetStreamWithoutHeadersAsync(string streamId) =>
        SendAsync(HttpMethod.Get, "stream/" + streamId, null);

    private async Task<ControlAnswer> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body != null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new ControlAnswer((int)response.StatusCode, json);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _connections.Clear();
        _http.Dispose();
    }
}

/// <summary>An answer in the Theta envelope: status code, and the body or the error message.</summary>
public sealed record ControlAnswer(int StatusCode, JsonObject Envelope)
{
    public JsonObject Body => Envelope["body"]!.AsObject();

    public string? Message => (string?)Envelope["message"];

    public void AssertSuccess() =>
        Assert.True(StatusCode == 200 && (string?)Envelope["status"] == "success", $"{StatusCode}: {Envelope.ToJsonString()}");
}
