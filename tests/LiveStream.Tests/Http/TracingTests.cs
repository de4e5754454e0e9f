using System.Net.Http;
using System.Text.Json.Nodes;
using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>What the HTTP core tells the trace (verbose and debug), and that no secret reaches it.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Verbose_gives_each_attempt_its_status_line_and_each_retry_its_reason_and_wait()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(503).ThenConnectionReset().ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal(
        [
            "Sigma GET http://stub.test/api/things -> 503 Service Unavailable (0 ms)",
            "Sigma GET /api/things: HTTP 503; retry 1 of 4 in 125 ms.",
            "Sigma GET /api/things: the connection failed; retry 2 of 4 in 250 ms.",
            "Sigma GET http://stub.test/api/things -> 200 OK (0 ms)",
        ], http.Trace.VerboseMessages);
    }

    [Fact]
    public async Task Debug_shows_bodies_with_the_request_s_and_the_connection_s_secrets_masked()
    {
        using var http = new StubHttp();
        const string s3Secret = "s3-secret-Vb81Kz";
        http.Transport.ThenOk($$$"""{"id":"a","note":"{{{StubHttp.Secret}}}","s3":{"secretKey":"{{{s3Secret}}}"}}""");
        var request = ApiRequest.Create(HttpMethod.Post, "/api/things")
            .WithBody(new JsonObject { ["name"] = "x", ["echo"] = s3Secret, ["password"] = "field-secret" })
            .WithSecret(s3Secret);

        await http.SendAsync(request);

        var body = Assert.Single(http.Trace.DebugMessages, message => message.Contains(" body: "));
        var answer = Assert.Single(http.Trace.DebugMessages, message => message.Contains(" answer: "));
        Assert.StartsWith("Sigma POST /api/things body: ", body);
        Assert.Contains("\"name\":\"x\"", body);
        Assert.StartsWith("Sigma POST /api/things answer: ", answer);
        Assert.Contains("\"id\":\"a\"", answer);
        Assert.All(http.Trace.All, message =>
        {
            Assert.DoesNotContain(StubHttp.Secret, message);
            Assert.DoesNotContain(s3Secret, message);
            Assert.DoesNotContain("field-secret", message);
        });
        Assert.Contains("***", body);
        Assert.Contains("***", answer);
    }

    [Fact]
    public async Task A_vendor_message_that_echoes_the_secret_is_masked_in_the_error()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(401, $$"""{"message":"bad key {{StubHttp.Secret}}"}""");

        var failure = await http.FailAsync(StubHttp.Get());

        Assert.Equal("bad key ***", failure.VendorMessage);
        Assert.DoesNotContain(StubHttp.Secret, failure.Message);
    }
}
