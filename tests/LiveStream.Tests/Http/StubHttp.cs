using System.Net.Http;
using System.Text.Json.Nodes;
using LiveStream.Http;
using LiveStream.Sigma;

namespace LiveStream.Tests.Http;

/// <summary>A Sigma connection's HTTP core over a <see cref="StubTransport"/> and a <see cref="FakeHttpClock"/>.</summary>
internal sealed class StubHttp : IDisposable
{
    public const string Secret = "stub-secret-Qx7pL2";
    public static readonly Uri BaseUri = new("http://stub.test/");

    public StubHttp(Action<HttpSettings>? configure = null)
    {
        Clock = new FakeHttpClock();
        Transport = new StubTransport(Clock);
        var settings = new HttpSettings { Clock = Clock };
        configure?.Invoke(settings);
        Client = new VendorHttpClient("Sigma", BaseUri, new SigmaAuthenticator("app-1", "user-1", SecretText.Protect(Secret)),
            settings, Transport);
    }

    public FakeHttpClock Clock { get; }

    public StubTransport Transport { get; }

    public VendorHttpClient Client { get; }

    public RecordingTrace Trace { get; } = new();

    public static ApiRequest Get() => ApiRequest.Create(HttpMethod.Get, "/api/things");

    public static ApiRequest Create() =>
        ApiRequest.Create(HttpMethod.Post, "/api/things").WithBody(new JsonObject { ["name"] = "x" });

    public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken token = default) =>
        Client.SendAsync(request, Trace, token);

    public Task<LiveStreamApiException> FailAsync(ApiRequest request) =>
        Assert.ThrowsAsync<LiveStreamApiException>(() => SendAsync(request));

    public void Dispose() => Client.Dispose();
}
