using System.Net.Http;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Sigma;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The retry budget bounds a call's attempts and waits together: an attempt that starts near the end of the budget is
/// cut to what is left. Measured on a fake clock (no real waiting) and, once, with small real timeouts.
/// </summary>
public sealed class HttpBudgetTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string SessionsPath = "^/api/livestream/sessions";

    public Task InitializeAsync() => emulator.ResetAsync();

    private VendorHttpClient SigmaHttp(HttpSettings settings) => new("Sigma", emulator.BaseUri,
        new SigmaAuthenticator(emulator.Sigma.AppId, emulator.Sigma.UserName, SecretText.Protect(EmulatorFixture.SigmaSecret)),
        settings);

    private static ApiRequest Read() => ApiRequest.Create(HttpMethod.Get, "/api/livestream/sessions");

    [Fact]
    public async Task With_TimeoutSec_25_and_MaxRetries_10_a_server_that_never_answers_is_given_up_on_within_the_120_s_budget()
    {
        var clock = new FakeClock();
        using var http = SigmaHttp(new HttpSettings { Timeout = TimeSpan.FromSeconds(25), MaxRetries = 10, Clock = clock });

        var failure = await Assert.ThrowsAsync<LiveStreamApiException>(() => http.SendAsync(Read(), null, CancellationToken.None));

        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.True(clock.Now <= TimeSpan.FromSeconds(120), $"the call took {clock.Now.TotalSeconds} s of the 120 s budget");
        Assert.All(clock.Timeouts, timeout => Assert.True(timeout <= TimeSpan.FromSeconds(25)));
        Assert.True(clock.Timeouts.Count >= 4, $"{clock.Timeouts.Count} attempts");
        Assert.True(clock.Timeouts[^1] < TimeSpan.FromSeconds(25), "the last attempt was not cut to what was left of the budget");
        Assert.Contains("retry budget", failure.Message);
    }

    [Fact]
    public async Task Waits_go_through_the_clock_and_Retry_After_is_honoured_on_it()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 429, RetryAfterSeconds: 7, Count: 2));
        var clock = new FakeClock(passThrough: true);
        using var http = SigmaHttp(new HttpSettings { Clock = clock });

        await http.SendAsync(Read(), null, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], clock.Delays);
        Assert.Equal(3, emulator.Requests("/api/livestream/sessions").Count);
    }

    [Fact]
    public async Task With_real_time_the_attempt_that_starts_late_in_the_budget_is_cut_to_what_is_left()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, LatencyMs: 10_000));
        using var http = SigmaHttp(new HttpSettings
        {
            Timeout = TimeSpan.FromSeconds(1), RetryBudget = TimeSpan.FromSeconds(1.5), MaxRetries = 10,
            BaseDelay = TimeSpan.FromMilliseconds(10),
        });

        var failure = await Assert.ThrowsAsync<LiveStreamApiException>(() => http.SendAsync(Read(), null, CancellationToken.None));

        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.DoesNotContain("no answer within 1 s", failure.Message);
        Assert.Contains("retry budget", failure.Message);
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    /// <summary>
    /// Time that moves only when the HTTP core waits: a delay passes at once, and an attempt's timeout fires at once,
    /// as if the server never answered (unless <c>passThrough</c>, when attempts run for real).
    /// </summary>
    private sealed class FakeClock(bool passThrough = false) : HttpClock
    {
        private readonly object _gate = new();
        private TimeSpan _now;

        public List<TimeSpan> Timeouts { get; } = [];

        public List<TimeSpan> Delays { get; } = [];

        public override TimeSpan Now
        {
            get
            {
                lock (_gate)
                {
                    return _now;
                }
            }
        }

        public override Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Delays.Add(delay);
                _now += delay;
            }

            return Task.CompletedTask;
        }

        public override CancellationTokenSource StartTimeout(TimeSpan timeout)
        {
            lock (_gate)
            {
                Timeouts.Add(timeout);
                if (passThrough)
                {
                    return new CancellationTokenSource(TimeSpan.FromSeconds(30));
                }

                _now += timeout;
            }

            var fired = new CancellationTokenSource();
            fired.Cancel();
            return fired;
        }
    }
}
