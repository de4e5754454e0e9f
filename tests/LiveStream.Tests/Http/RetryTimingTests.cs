using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>
/// When the HTTP core retries: the back-off and its jitter, Retry-After, and the budget that bounds all attempts and
/// waits of one call. On a fake clock: exact, and without waiting.
/// </summary>
public sealed class RetryTimingTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public async Task The_back_off_doubles_from_half_the_base_delay_at_the_lowest_jitter()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(503).ThenStatus(503).ThenStatus(503).ThenStatus(503).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([Ms(125), Ms(250), Ms(500), Ms(1000)], http.Clock.Delays);
    }

    [Fact]
    public async Task Jitter_spreads_each_wait_over_the_upper_half_of_its_back_off()
    {
        using var http = new StubHttp();
        http.Clock.Jitter = 0.5;
        http.Transport.ThenStatus(503).ThenStatus(503).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([Ms(187.5), Ms(375)], http.Clock.Delays);
    }

    [Fact]
    public async Task At_the_highest_jitter_a_wait_stays_below_the_full_back_off()
    {
        using var http = new StubHttp();
        http.Clock.Jitter = 0.999999;
        http.Transport.ThenStatus(503).ThenStatus(503).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.InRange(http.Clock.Delays[0], Ms(249.9), Ms(250) - TimeSpan.FromTicks(1));
        Assert.InRange(http.Clock.Delays[1], Ms(499.9), Ms(500) - TimeSpan.FromTicks(1));
    }

    [Fact]
    public async Task The_back_off_stops_growing_at_MaxDelay()
    {
        using var http = new StubHttp(settings => settings.BaseDelay = TimeSpan.FromSeconds(10));
        http.Transport.ThenStatus(503).ThenStatus(503).ThenStatus(503).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], http.Clock.Delays);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_waited_out_instead_of_the_back_off()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(429, shape: response => response.Headers.Add("Retry-After", "7")).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([TimeSpan.FromSeconds(7)], http.Clock.Delays);
    }

    [Fact]
    public async Task Retry_After_as_a_date_is_waited_out_until_that_date()
    {
        using var http = new StubHttp();
        http.Transport.ThenStatus(503, shape: response =>
            response.Headers.RetryAfter = new(FakeHttpClock.Date + TimeSpan.FromSeconds(9))).ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([TimeSpan.FromSeconds(9)], http.Clock.Delays);
    }

    [Fact]
    public async Task Retry_After_is_capped_at_MaxDelay_and_a_date_passed_already_means_no_wait()
    {
        using var http = new StubHttp();
        http.Transport
            .ThenStatus(429, shape: response => response.Headers.Add("Retry-After", "3600"))
            .ThenStatus(503, shape: response => response.Headers.RetryAfter = new(FakeHttpClock.Date - TimeSpan.FromMinutes(1)))
            .ThenOk();

        await http.SendAsync(StubHttp.Get());

        Assert.Equal([TimeSpan.FromSeconds(20), TimeSpan.Zero], http.Clock.Delays);
    }

    [Fact]
    public async Task With_a_25_s_timeout_and_10_retries_a_silent_server_is_given_up_on_at_the_120_s_budget()
    {
        using var http = new StubHttp(settings =>
        {
            settings.Timeout = TimeSpan.FromSeconds(25);
            settings.MaxRetries = 10;
        });
        http.Transport.ThenNoAnswer();

        var failure = await http.FailAsync(StubHttp.Get());

        // 4 full attempts and 4 waits (125 + 250 + 500 + 1000 ms) leave 18.125 s; after that one no wait fits.
        var full = TimeSpan.FromSeconds(25);
        Assert.Equal([full, full, full, full, TimeSpan.FromSeconds(18.125)], http.Clock.Timeouts);
        Assert.Equal([Ms(125), Ms(250), Ms(500), Ms(1000)], http.Clock.Delays);
        Assert.Equal(TimeSpan.FromSeconds(120), http.Clock.Now);
        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.Equal("Sigma GET /api/things failed: no answer within 18.1 s (what was left of the 120 s retry budget) " +
            "(http://stub.test).", failure.Message);
    }

    [Fact]
    public async Task No_retry_starts_whose_wait_would_reach_the_end_of_the_budget()
    {
        using var http = new StubHttp(settings => settings.RetryBudget = TimeSpan.FromSeconds(40));
        http.Transport.ThenStatus(503, shape: response => response.Headers.Add("Retry-After", "15"));

        var failure = await http.FailAsync(StubHttp.Get());

        // Waits end at 15 s and 30 s; a third would end at 45 s, past the 40 s budget.
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)], http.Clock.Delays);
        Assert.Equal(3, http.Transport.Sent.Count);
        Assert.Equal(503, failure.StatusCode);
    }

    [Fact]
    public async Task A_timeout_longer_than_the_budget_is_the_budget()
    {
        using var http = new StubHttp(settings =>
        {
            settings.Timeout = TimeSpan.FromSeconds(200);
            settings.MaxRetries = 10;
        });
        http.Transport.ThenNoAnswer();

        var failure = await http.FailAsync(StubHttp.Get());

        Assert.Equal([TimeSpan.FromSeconds(200)], http.Clock.Timeouts);
        Assert.Equal("Sigma GET /api/things failed: no answer within 200 s (http://stub.test).", failure.Message);
    }

    [Fact]
    public async Task Cancelling_during_a_wait_ends_the_call_at_once_with_nothing_more_sent()
    {
        using var http = new StubHttp();
        http.Clock.HoldDelays = true;
        http.Transport.ThenStatus(503).ThenOk();
        using var cancel = new CancellationTokenSource();

        var sending = http.SendAsync(StubHttp.Get(), cancel.Token);
        await http.Clock.DelayStarted.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(http.Transport.Sent);
    }
}
