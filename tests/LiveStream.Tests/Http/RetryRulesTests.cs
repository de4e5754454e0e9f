using System.Net.Http;
using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>Which failures the HTTP core repeats, and what the final error says about attempts that may have acted.</summary>
public sealed class RetryRulesTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_status_of_a_read_is_retried_until_it_succeeds(int status)
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(status).ThenOk("""{"id":"a"}""");

        var response = await http.SendAsync(StubHttp.Get());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("a", response.Body.GetProperty("id").GetString());
        Assert.Equal(2, http.Transport.Sent.Count);
        Assert.Single(http.Clock.Delays);
    }

    [Fact]
    public async Task A_failed_connection_a_lost_answer_and_a_timeout_of_a_read_are_retried()
    {
        using var http = new StubHttp();
        http.Transport.ThenConnectionReset().ThenRefused().ThenLostWhileReading().ThenNoAnswer().ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal(5, http.Transport.Sent.Count);
    }

    [Theory]
    [InlineData(400, ApiErrorKind.InvalidArgument)]
    [InlineData(401, ApiErrorKind.AuthenticationFailed)]
    [InlineData(403, ApiErrorKind.PermissionDenied)]
    [InlineData(404, ApiErrorKind.NotFound)]
    [InlineData(409, ApiErrorKind.Conflict)]
    [InlineData(422, ApiErrorKind.InvalidArgument)]
    [InlineData(500, ApiErrorKind.ServerError)]
    public async Task A_status_that_is_not_transient_is_not_retried(int status, ApiErrorKind kind)
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(status, """{"message":"no such thing"}""");

        var failure = await http.FailAsync(StubHttp.Get());

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal("no such thing", failure.VendorMessage);
        Assert.Equal($"Sigma GET /api/things failed with HTTP {status}: no such thing.", failure.Message);
        Assert.Single(http.Transport.Sent);
        Assert.Empty(http.Clock.Delays);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_is_reported_after_MaxRetries_plus_one_attempts()
    {
        using var http = new StubHttp(settings => settings.MaxRetries = 2);
        http.Transport.ThenStatus(503);

        var failure = await http.FailAsync(StubHttp.Get());

        Assert.Equal(ApiErrorKind.ServerError, failure.Kind);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(3, http.Transport.Sent.Count);
        Assert.Equal(2, http.Clock.Delays.Count);
        Assert.False(failure.EarlierAttemptMayHaveActed);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_create_answered_with_a_status_that_may_follow_acting_is_not_sent_again(int status)
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(status).ThenOk();

        var failure = await http.FailAsync(StubHttp.Create());

        Assert.Single(http.Transport.Sent);
        Assert.True(failure.OutcomeUnknown);
        Assert.Equal(ApiErrorKind.ServerError, failure.Kind);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_not_sent_again_and_says_it_may_have_reached_the_service()
    {
        using var http = new StubHttp();
        http.Transport.ThenLostWhileReading().ThenOk();

        var failure = await http.FailAsync(StubHttp.Create());

        Assert.Single(http.Transport.Sent);
        Assert.Equal(ApiErrorKind.ConnectionFailed, failure.Kind);
        Assert.True(failure.OutcomeUnknown);
        Assert.Equal("Sigma POST /api/things failed: the connection was lost while reading the answer (http://stub.test). " +
            "The request may have reached the service.", failure.Message);
    }

    [Fact]
    public async Task A_create_with_no_answer_in_time_is_not_sent_again()
    {
        using var http = new StubHttp();
        http.Transport.ThenNoAnswer().ThenOk();

        var failure = await http.FailAsync(StubHttp.Create());

        Assert.Single(http.Transport.Sent);
        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.True(failure.OutcomeUnknown);
        Assert.StartsWith("Sigma POST /api/things failed: no answer within 30 s (http://stub.test).", failure.Message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_refused_before_acting_is_sent_again(int status)
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(status).ThenStatus(201, """{"id":"made"}""");

        var response = await http.SendAsync(StubHttp.Create());

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(2, http.Transport.Sent.Count);
        Assert.All(http.Transport.Sent, sent => Assert.Equal("""{"name":"x"}""", sent.Body));
    }

    [Fact]
    public async Task A_create_whose_connection_was_refused_is_sent_again()
    {
        using var http = new StubHttp();
        http.Transport.ThenRefused().ThenStatus(201, "{}");

        await http.SendAsync(StubHttp.Create());

        Assert.Equal(2, http.Transport.Sent.Count);
    }

    [Fact]
    public async Task A_refusal_after_a_repeated_attempt_that_may_have_acted_says_so()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(504).ThenStatus(409);

        var failure = await http.FailAsync(ApiRequest.Create(HttpMethod.Put, "/api/things/{0}/start", "a"));

        Assert.Equal(ApiErrorKind.Conflict, failure.Kind);
        Assert.True(failure.EarlierAttemptMayHaveActed);
    }

    [Fact]
    public async Task A_refusal_after_attempts_refused_before_acting_does_not_say_an_earlier_one_may_have_acted()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(503).ThenRefused().ThenStatus(404);

        var failure = await http.FailAsync(ApiRequest.Create(HttpMethod.Delete, "/api/things/{0}", "a"));

        Assert.Equal(ApiErrorKind.NotFound, failure.Kind);
        Assert.False(failure.EarlierAttemptMayHaveActed);
        Assert.Equal(3, http.Transport.Sent.Count);
    }

    [Fact]
    public async Task Each_attempt_carries_the_credential_once()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(503).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.All(http.Transport.Sent, sent =>
        {
            Assert.Equal(["app-1"], sent.Headers["X-App-Id"]);
            Assert.Single(sent.Headers["Authorization"]);
        });
    }

    [Fact]
    public async Task A_connection_closed_during_a_wait_sends_nothing_more_and_fails_as_NotConnected()
    {
        using var http = new StubHttp();
        http.Clock.HoldDelays = true;
        http.Transport.ThenStatus(504).ThenOk();

        var sending = http.SendAsync(StubHttp.Get());
        await http.Clock.DelayStarted.Task;
        http.Client.Dispose();
        var failure = await Assert.ThrowsAsync<LiveStreamApiException>(() => sending);

        Assert.Single(http.Transport.Sent);
        Assert.Equal(ApiErrorKind.NotConnected, failure.Kind);
        Assert.Contains("was closed", failure.Message);
        Assert.Contains("before GET /api/things was sent.", failure.Message);
        Assert.True(failure.EarlierAttemptMayHaveActed);
    }
}
