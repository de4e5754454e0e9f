using System.Management.Automation;
using System.Net.Http;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Sigma;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The shared HTTP core's retry policy as a user meets it, through Connect-LiveStream's check call and the client
/// against the emulator: error ids, categories and verbose text. The exact rules (delays, budget, which failures are
/// repeated) are checked on a fake clock in Http/RetryRulesTests and Http/RetryTimingTests.
/// </summary>
public sealed class HttpRetryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string SessionsPath = "^/api/livestream/sessions";
    private readonly PsRunspace _shell = new();

    public Task InitializeAsync() => emulator.ResetAsync();

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_wait_it_names_and_verbose_says_so()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 429, RetryAfterSeconds: 1, Count: 1));

        var result = _shell.ConnectSigma(emulator, "-Verbose");

        result.AssertSuccess();
        Assert.Equal(2, emulator.Requests("/api/livestream/sessions").Count);
        Assert.Contains(result.Verbose, record => record.Message.Contains("HTTP 429; retry 1 of 4 in 1000 ms."));
    }

    [Fact]
    public async Task Transient_503_502_504_and_a_reset_connection_are_retried_until_the_call_succeeds()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 503, Count: 1));
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 502, Count: 1));
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Drop, Count: 1));
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 504, Count: 1));

        var result = _shell.ConnectSigma(emulator, "-Verbose");

        result.AssertSuccess();
        Assert.Equal(5, emulator.Requests("/api/livestream/sessions").Count);
        Assert.Single(_shell.Run("Get-LiveStreamConnection").Output);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_gives_one_ConnectionError_record_after_MaxRetries_plus_one_attempts()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 503));

        var result = _shell.ConnectSigma(emulator, "-MaxRetries 2");

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.ServerError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("503", error.Exception.Message);
        Assert.Equal(3, emulator.Requests("/api/livestream/sessions").Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: FaultKind.Status, Status: 400));

        var result = _shell.ConnectSigma(emulator);

        Assert.Equal(ErrorCategory.InvalidArgument, result.SingleError().CategoryInfo.Category);
        Assert.Single(emulator.Requests("/api/livestream/sessions"));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_gives_an_OperationTimeout_record()
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, LatencyMs: 5_000));

        var result = _shell.ConnectSigma(emulator, "-TimeoutSec 1 -MaxRetries 0");

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.Timeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("-TimeoutSec", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task A_create_whose_connection_drops_is_not_sent_again_and_says_its_outcome_is_unknown()
    {
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels$", Method: "POST", Kind: FaultKind.DropAfter, Count: 1));
        using var http = SigmaHttp();

        var failure = await Assert.ThrowsAsync<LiveStreamApiException>(() => http.SendAsync(
            ApiRequest.Create(HttpMethod.Post, "/api/livestream/channels").WithBody(new System.Text.Json.Nodes.JsonObject { ["name"] = "x" }),
            null, CancellationToken.None));

        Assert.Equal(ApiErrorKind.ConnectionFailed, failure.Kind);
        Assert.True(failure.OutcomeUnknown);
        Assert.Contains("may have reached the service", failure.Message);
        Assert.Single(emulator.Requests("/api/livestream/channels"));
    }

    [Fact]
    public async Task A_create_refused_with_503_before_acting_is_sent_again()
    {
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/sessions$", Method: "POST", Kind: FaultKind.Status, Status: 429, Count: 1));
        using var http = SigmaHttp();

        var failure = await Assert.ThrowsAsync<LiveStreamApiException>(() => http.SendAsync(
            ApiRequest.Create(HttpMethod.Post, "/api/livestream/sessions").WithBody(new System.Text.Json.Nodes.JsonObject()),
            null, CancellationToken.None));

        Assert.Equal(2, emulator.Requests("/api/livestream/sessions").Count);
        Assert.Equal(405, failure.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.Html, "not valid JSON (an HTML page)")]
    [InlineData(FaultKind.Truncated, "not valid JSON")]
    [InlineData(FaultKind.Huge, "more than 32 MiB")]
    public async Task An_answer_that_cannot_be_read_gives_an_InvalidResult_record_naming_the_endpoint(FaultKind kind, string expected)
    {
        await emulator.AddFaultAsync(new FaultRule(SessionsPath, Kind: kind));

        var result = _shell.ConnectSigma(emulator);

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.InvalidResponse,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("GET /api/livestream/sessions", error.Exception.Message);
        Assert.Contains(expected, error.Exception.Message);
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Empty(_shell.Run("Get-LiveStreamConnection -Name *").Output);
    }

    private VendorHttpClient SigmaHttp() => new("Sigma", emulator.BaseUri,
        new SigmaAuthenticator(emulator.Sigma.AppId, emulator.Sigma.UserName, SecretText.Protect(EmulatorFixture.SigmaSecret)),
        new HttpSettings { BaseDelay = TimeSpan.FromMilliseconds(10) });

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return emulator.ResetAsync();
    }
}
