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
}
