using System.Net.Http;
using System.Text;
using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>How an answer is read: byte order mark, size cap, JSON that is not, and an empty body.</summary>
public sealed class ResponseReaderTests
{
    [Fact]
    public async Task A_body_with_a_UTF8_byte_order_mark_is_read_as_JSON()
    {
        using var http = new StubHttp();
        http.Transport.Then(_ => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"id":"a"}""")]),
        }));

        var response = await http.SendAsync(StubHttp.Get());

        Assert.Equal("a", response.Body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_answer_over_the_size_cap_is_refused_and_not_retried()
    {
        using var http = new StubHttp(settings => settings.MaxResponseBytes = 1024 * 1024);
        http.Transport.ThenOk("[" + new string(' ', 1024 * 1024) + "]");

        var failure = await http.FailAsync(StubHttp.Get());

        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal("Sigma GET /api/things answered with more than 1 MiB; the answer was not read.", failure.Message);
        Assert.Single(http.Transport.Sent);
    }

    [Fact]
    public async Task A_2xx_body_that_is_not_JSON_is_InvalidResponse_and_a_create_s_outcome_is_unknown()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(201, "<html>oops</html>");

        var failure = await http.FailAsync(StubHttp.Create());

        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal("Sigma POST /api/things answered 201 with a body that is not valid JSON (an HTML page).", failure.Message);
        Assert.True(failure.OutcomeUnknown);
    }

    [Fact]
    public async Task An_empty_body_reads_as_undefined()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(204, " \r\n");

        var response = await http.SendAsync(StubHttp.Get());

        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, response.Body.ValueKind);
    }
}
