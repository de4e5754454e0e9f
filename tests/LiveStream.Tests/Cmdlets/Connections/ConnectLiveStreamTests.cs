using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

public sealed class ConnectLiveStreamTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PsRunspace _shell = new();

    [Fact]
    public void Connect_Sigma_stores_a_connection_and_sends_Basic_auth_and_the_app_id()
    {
        emulator.State.ClearRequests();

        var result = _shell.ConnectSigma(emulator, "-PassThru");

        result.AssertSuccess();
        var connection = result.Single<LiveStreamConnection>();
        Assert.Equal(LiveStreamVendor.Sigma, connection.Vendor);
        Assert.Equal("Sigma", connection.Name);
        Assert.Equal(emulator.Sigma.AppId, connection.AccountId);
        var check = Assert.Single(emulator.Requests("/api/livestream/"));
        Assert.Equal("GET", check.Method);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + EmulatorFixture.SigmaSecret));
        Assert.Equal("Basic " + token, check.Headers["Authorization"]);
        Assert.Equal(emulator.Sigma.AppId, check.Headers["X-App-Id"]);
        Assert.StartsWith("LiveStream-PowerShell/", check.Headers["User-Agent"]);
        var listed = _shell.Run("Get-LiveStreamConnection");
        Assert.Equal("Sigma", Assert.IsType<LiveStreamConnection>(Assert.Single(listed.Output).BaseObject).Name);
    }

    [Fact]
    public void Connect_Theta_sends_the_service_account_headers()
    {
        emulator.State.ClearRequests();

        var result = _shell.ConnectTheta(emulator, emulator.ThetaA, "-PassThru");

        result.AssertSuccess();
        Assert.Equal(LiveStreamVendor.Theta, result.Single<LiveStreamConnection>().Vendor);
        var check = Assert.Single(emulator.Requests($"/service_account/{emulator.ThetaA.Id}/streams"));
        Assert.Equal(emulator.ThetaA.Id, check.Headers["x-tva-sa-id"]);
        Assert.Equal(EmulatorFixture.ThetaSecretA, check.Headers["x-tva-sa-secret"]);
    }

    [Fact]
    public void A_wrong_secret_gives_an_AuthenticationError_record_and_stores_no_connection()
    {
        var result = _shell.ConnectSigma(emulator, secret: "not-the-secret");

        var error = result.SingleError();
        Assert.Equal("LiveStream.AuthenticationFailed,LiveStream.Commands.ConnectLiveStreamCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.ToString());
        Assert.Contains("Invalid username or secret key", error.ToString());
        Assert.Contains("Check the credential", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message);
        Assert.Empty(_shell.Run("Get-LiveStreamConnection -Name *").Output);
        Assert.DoesNotContain("not-the-secret", result.EverythingAsText());
    }

    [Fact]
    public void A_Theta_secret_of_the_wrong_account_gives_an_AuthenticationError()
    {
        var wrong = new ThetaAccount(emulator.ThetaA.Id, EmulatorFixture.ThetaSecretB);

        var result = _shell.ConnectTheta(emulator, wrong);

        Assert.Equal(ErrorCategory.AuthenticationError, result.SingleError().CategoryInfo.Category);
        Assert.DoesNotContain(EmulatorFixture.ThetaSecretB, result.EverythingAsText());
    }

    [Fact]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused_before_any_request()
    {
        emulator.State.ClearRequests();

        var result = _shell.Run(
            "Connect-LiveStream -Sigma -AppId $appId -BaseUri 'http://api.sigma.video/' " +
            "-Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'x-secret').SecurePassword))",
            ("appId", emulator.Sigma.AppId));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.InsecureBaseUri,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("https", error.Exception.Message);
        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public void A_Theta_user_name_that_is_not_a_service_account_id_is_refused()
    {
        var result = _shell.Run(
            "Connect-LiveStream -Theta -BaseUri $baseUri " +
            "-Credential ([pscredential]::new('someone@example.com', [System.Net.NetworkCredential]::new('', 'x-secret').SecurePassword))",
            ("baseUri", emulator.BaseUri));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.InvalidCredential,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("srvacc_", error.Exception.Message);
    }

    [Fact]
    public void Named_connections_live_side_by_side_and_Disconnect_removes_one()
    {
        _shell.ConnectSigma(emulator, "-Name prod").AssertSuccess();
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name thetaA").AssertSuccess();
        _shell.ConnectTheta(emulator, emulator.ThetaB, "-Name thetaB").AssertSuccess();

        var all = _shell.Run("Get-LiveStreamConnection").Objects<LiveStreamConnection>();
        var theta = _shell.Run("Get-LiveStreamConnection -Vendor Theta").Objects<LiveStreamConnection>();
        var removed = _shell.Run("Disconnect-LiveStream -Name thetaA; Get-LiveStreamConnection").Objects<LiveStreamConnection>();
        var missing = _shell.Run("Disconnect-LiveStream -Name nope");

        Assert.Equal(["prod", "thetaA", "thetaB"], all.Select(connection => connection.Name));
        Assert.Equal(["thetaA", "thetaB"], theta.Select(connection => connection.Name));
        Assert.Equal(["prod", "thetaB"], removed.Select(connection => connection.Name));
        Assert.StartsWith("LiveStream.ConnectionNotFound,", missing.SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIf_on_Connect_sends_nothing_and_stores_nothing()
    {
        emulator.State.ClearRequests();

        var result = _shell.ConnectSigma(emulator, "-WhatIf");

        result.AssertSuccess();
        Assert.Empty(emulator.Requests());
        Assert.Empty(_shell.Run("Get-LiveStreamConnection -Name *").Output);
        Assert.Contains("What if", result.HostText);
    }

    [Fact]
    public void The_secret_appears_in_no_stream_and_no_property_of_any_object()
    {
        var sigma = _shell.ConnectSigma(emulator, "-PassThru -Verbose -Debug");
        var theta = _shell.ConnectTheta(emulator, emulator.ThetaA, "-PassThru -Verbose -Debug");
        var listed = _shell.Run("Get-LiveStreamConnection -Verbose -Debug; (Get-LiveStreamConnection) | ForEach-Object { $_.ToString() }");

        sigma.AssertSuccess();
        theta.AssertSuccess();
        Assert.NotEmpty(sigma.Verbose);
        var everything = sigma.EverythingAsText() + theta.EverythingAsText() + listed.EverythingAsText();
        var basicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + EmulatorFixture.SigmaSecret));
        Assert.DoesNotContain(EmulatorFixture.SigmaSecret, everything);
        Assert.DoesNotContain(EmulatorFixture.ThetaSecretA, everything);
        Assert.DoesNotContain(basicToken, everything);
    }

    [Fact]
    public void A_connection_serialized_to_CLIXML_carries_no_secret()
    {
        _shell.ConnectSigma(emulator).AssertSuccess();
        _shell.ConnectTheta(emulator, emulator.ThetaA).AssertSuccess();

        var result = _shell.Run("Get-LiveStreamConnection | ForEach-Object { [System.Management.Automation.PSSerializer]::Serialize($_, 5) }");

        result.AssertSuccess();
        var clixml = string.Join("\n", result.Output.Select(item => item.ToString()));
        Assert.Contains("<Objs", clixml);
        Assert.Contains(emulator.Sigma.AppId, clixml);
        Assert.DoesNotContain(EmulatorFixture.SigmaSecret, clixml);
        Assert.DoesNotContain(EmulatorFixture.ThetaSecretA, clixml);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + EmulatorFixture.SigmaSecret)), clixml);
    }

    [Fact]
    public void Verbose_shows_method_url_and_status_of_the_check_call()
    {
        var result = _shell.ConnectSigma(emulator, "-Verbose");

        result.AssertSuccess();
        Assert.Contains(result.Verbose, record =>
            record.Message.Contains("GET") && record.Message.Contains("/api/livestream/sessions") && record.Message.Contains("200"));
    }

    [Fact]
    public void Verbose_and_debug_messages_follow_the_preference_variables_as_well_as_the_switches()
    {
        var quiet = _shell.ConnectSigma(emulator);
        var byPreference = _shell.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; " +
            "Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri " +
            "-Credential ([pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword))",
            ("baseUri", emulator.BaseUri), ("appId", emulator.Sigma.AppId), ("user", emulator.Sigma.UserName),
            ("secret", emulator.Sigma.SecretKey));

        quiet.AssertSuccess();
        Assert.Empty(quiet.Verbose);
        Assert.Empty(quiet.Debug);
        byPreference.AssertSuccess();
        Assert.Contains(byPreference.Verbose, record => record.Message.Contains("/api/livestream/sessions"));
        Assert.Contains(byPreference.Debug, record => record.Message.Contains("answer:"));
    }

    [Fact]
    public void Stopping_the_pipeline_ends_a_slow_call_before_its_answer_comes()
    {
        emulator.State.Faults.Add(new FaultRule(PathPattern: "^/api/livestream/sessions", LatencyMs: 15_000));
        try
        {
            using var pipeline = _shell.Create(
                "Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri " +
                "-Credential ([pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword))",
                ("baseUri", emulator.BaseUri), ("appId", emulator.Sigma.AppId), ("user", emulator.Sigma.UserName),
                ("secret", emulator.Sigma.SecretKey));
            var running = pipeline.BeginInvoke();
            WaitUntil(() => emulator.Requests("/api/livestream/sessions").Count > 0, TimeSpan.FromSeconds(10));

            pipeline.Stop();

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "Connect-LiveStream did not stop");
            Assert.Equal(PSInvocationState.Stopped, pipeline.InvocationStateInfo.State);
            Assert.Empty(_shell.Run("Get-LiveStreamConnection -Name *").Output);
        }
        finally
        {
            emulator.State.Faults.Clear();
        }
    }

    [Fact]
    public void Two_runspaces_keep_separate_connections()
    {
        using var other = new PsRunspace();

        _shell.ConnectSigma(emulator).AssertSuccess();

        Assert.Single(_shell.Run("Get-LiveStreamConnection").Output);
        Assert.Empty(other.Run("Get-LiveStreamConnection -Name *").Output);
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "condition not reached in time");
            Thread.Sleep(20);
        }
    }

    public void Dispose() => _shell.Dispose();
}
