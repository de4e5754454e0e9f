using System.Net.Http.Json;
using System.Text;
using LiveStream.Emulator;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Every exported cmdlet, run with -Verbose -Debug on success paths and on error paths (401, 403, 404, 5xx after
/// retries, malformed answers), with an S3 destination on a channel: no secret appears in any stream, error record,
/// emitted object (recursively), host text printed through the format views, or CLIXML of what was emitted; and the
/// channels' stream keys appear in no log stream.
/// </summary>
public sealed class SecretLeakTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string S3Secret = "S3-s3cret-Key-5be0c4a7";
    private const string WrongSigmaSecret = "SIGMA-wrong-Key-c39e1b";

    // Prints every emitted object through the format views and the error records too, then emits each object and each
    // error record again as CLIXML, so the scan sees what a user's console, Export-Clixml or a runbook log would hold.
    private const string Scanned = """
        $Error.Clear()
        $emitted = @(. $body)
        $emitted | Out-Default
        $emitted
        $Error | Out-Default
        $emitted | ForEach-Object { [System.Management.Automation.PSSerializer]::Serialize($_, 5) }
        $Error | ForEach-Object { [System.Management.Automation.PSSerializer]::Serialize($_, 1) }
        """;

    private const string Setup = """
        function Protect([string] $plain) { [System.Net.NetworkCredential]::new('', $plain).SecurePassword }
        $sigma = Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential ([pscredential]::new($user, (Protect $sigmaSecret))) -MaxRetries 1 -PassThru -Verbose -Debug
        $theta = Connect-LiveStream -Theta -BaseUri $baseUri -Credential ([pscredential]::new($thetaUser, (Protect $thetaSecret))) -MaxRetries 1 -PassThru -Verbose -Debug
        $dest = New-LiveS3Destination -Bucket recordings -Endpoint https://s3.example.com -Region eu-west-1 -AccessKey AKIAEXAMPLE -SecretKey (Protect $s3Secret) -Verbose -Debug
        $channel = New-LiveChannel -Name leak-check -CatchupS3 $dest -Connection $sigma -Verbose -Debug
        $sigma; $theta; $dest; $channel
        Start-LiveChannel -Id $channel.Id -PassThru -Verbose -Debug
        """;

    // Every exported cmdlet except Connect-LiveStream and New-LiveS3Destination (run by the setup).
    private const string EveryCmdlet = """
        $id = $channel.Id
        $second = New-LiveChannel -Name leak-second -CatchupS3 $dest -Connection $sigma -Verbose -Debug; $second
        $secondId = if ($second) { $second.Id } else { [guid]::NewGuid().ToString() }
        Start-LiveChannel -Id $secondId -PassThru -Verbose -Debug
        Get-LiveChannel -Connection $sigma -Verbose -Debug
        Get-LiveChannel -Id $id -Verbose -Debug
        $sessions = @(Get-LiveSession -ChannelId $id -Connection $sigma -Verbose -Debug); $sessions
        $sessionId = if ($sessions) { $sessions[0].Id } else { [guid]::NewGuid().ToString() }
        Get-LiveSession -Id $sessionId -Connection $sigma -Verbose -Debug
        Get-LiveSessionStatus -SessionId $sessionId -Connection $sigma -Verbose -Debug
        Get-LiveSessionEvent -SessionId $sessionId -Connection $sigma -Verbose -Debug
        Stop-LiveChannel -Id $id -PassThru -Verbose -Debug
        Remove-LiveChannel -Id $id -Confirm:$false -Verbose -Debug
        Get-LiveChannel -Id ([guid]::NewGuid().ToString()) -Verbose -Debug
        Get-EdgeIngestor -Connection $theta -Verbose -Debug
        $selection = Select-EdgeIngestor -ChannelId $streamId -Connection $theta -Verbose -Debug; $selection
        $ingestor = if ($selection) { $selection.IngestorId } else { '0x' + ('ab' * 20) }
        Disconnect-EdgeIngestor -Id $ingestor -Connection $theta -Verbose -Debug
        Get-LiveStreamConnection -Verbose -Debug
        Get-LiveStreamConnection -Name no-such-connection -Verbose -Debug
        Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential ([pscredential]::new($user, (Protect $wrongSigmaSecret))) -MaxRetries 1 -Verbose -Debug
        Connect-LiveStream -Theta -BaseUri $baseUri -Credential ([pscredential]::new($thetaUser, (Protect $wrongThetaSecret))) -MaxRetries 1 -Verbose -Debug
        Disconnect-LiveStream -Name no-such-connection -Verbose -Debug
        $theta | Disconnect-LiveStream -Verbose -Debug
        Disconnect-LiveStream -Name $sigma.Name -Verbose -Debug
        """;

    private readonly PsRunspace _shell = new();

    public Task InitializeAsync() => emulator.ResetAsync();

    public static TheoryData<string, FaultKind, int> Faults => new()
    {
        { "no fault", FaultKind.None, 0 },
        { "401", FaultKind.Status, 401 },
        { "403", FaultKind.Status, 403 },
        { "404", FaultKind.Status, 404 },
        { "503 after retries", FaultKind.Status, 503 },
        { "HTML 502 page", FaultKind.Html, 502 },
        { "truncated JSON", FaultKind.Truncated, 0 },
        { "wrong types", FaultKind.WrongTypes, 0 },
        { "missing ids", FaultKind.MissingFields, 0 },
        { "connection reset", FaultKind.Drop, 0 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task No_secret_appears_anywhere_when_every_cmdlet_runs_with_Verbose_and_Debug(string scenario, FaultKind kind, int status)
    {
        using var theta = new ThetaDriver(emulator.Emulator);
        var stream = await theta.CreateStreamAsync(theta.A, "leak-stream");
        var setup = Run(Setup, stream.Id);
        setup.AssertSuccess();
        var streamToken = setup.Output.Select(item => item?.BaseObject).OfType<LiveStream.Model.LiveChannel>().First().StreamKey;
        (await emulator.Control.PostAsJsonAsync("_emulator/sigma/publish", new { streamToken })).EnsureSuccessStatusCode();
        if (kind != FaultKind.None)
        {
            await emulator.AddFaultAsync(new FaultRule(Kind: kind, Status: status, RetryAfterSeconds: 0));
        }

        var run = Run(EveryCmdlet, stream.Id);

        Assert.True(run.Verbose.Count > 0 && run.Debug.Count > 0, $"{scenario}: no verbose ({run.Verbose.Count}) or debug ({run.Debug.Count}) to scan; errors: {string.Join(" | ", run.Errors.Select(e => e.FullyQualifiedErrorId))}");
        Assert.True(kind == FaultKind.None ? run.Errors.Count > 0 : run.Errors.Count >= 10,
            $"{scenario}: only {run.Errors.Count} error records: the error paths did not run");
        Assert.Null(run.Terminating);
        Assert.All(run.Errors, error => Assert.StartsWith("LiveStream.", error.FullyQualifiedErrorId));
        if (kind == FaultKind.None)
        {
            Assert.Equal(["LiveStream.AuthenticationFailed", "LiveStream.AuthenticationFailed", "LiveStream.ConnectionNotFound",
                "LiveStream.ConnectionNotFound", "LiveStream.NotFound"], run.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]).Order());
            var emittedTypes = run.Output.Select(item => item?.BaseObject.GetType().Name).ToHashSet();
            Assert.Superset(new HashSet<string?> { "LiveChannel", "LiveSession", "LiveSessionStatus", "LiveSessionEvent", "EdgeIngestor",
                "IngestorSelection", "LiveStreamConnection" }, emittedTypes);
        }

        Assert.Contains("<Objs", string.Join("", run.Output.Select(item => item?.BaseObject as string)));
        var secrets = new Dictionary<string, string>
        {
            ["Sigma secret key"] = EmulatorFixture.SigmaSecret,
            ["wrong Sigma secret key"] = WrongSigmaSecret,
            ["Theta secret A"] = EmulatorFixture.ThetaSecretA,
            ["Theta secret B"] = EmulatorFixture.ThetaSecretB,
            ["S3 secret key"] = S3Secret,
            ["Sigma Basic token"] = Basic(EmulatorFixture.SigmaSecret),
            ["wrong Sigma Basic token"] = Basic(WrongSigmaSecret),
        };
        foreach (var (stage, result) in new[] { ("setup", setup), ("cmdlets", run) })
        {
            var everything = result.EverythingAsText();
            foreach (var (what, secret) in secrets)
            {
                Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"{scenario}, {stage}: the {what} leaked");
            }
        }

        var streamKeys = emulator.StoredChannels().Select(channel => (string?)channel["streamKey"])
            .Append(setup.Output.Select(item => item?.BaseObject).OfType<LiveStream.Model.LiveChannel>().First().StreamKey)
            .Concat(run.Output.Select(item => item?.BaseObject).OfType<LiveStream.Model.IngestorSelection>().Select(selection => selection.StreamKey))
            .OfType<string>().Where(key => key.Length > 0).Distinct().ToList();
        Assert.NotEmpty(streamKeys);
        foreach (var (stage, result) in new[] { ("setup", setup), ("cmdlets", run) })
        {
            var logs = string.Join("\n", result.Verbose.Select(record => record.Message)
                .Concat(result.Debug.Select(record => record.Message)).Concat(result.Warnings.Select(record => record.Message))
                .Concat(result.Information.Select(record => record.MessageData?.ToString()))
                .Concat(result.Progress.Select(record => record.StatusDescription + " " + record.CurrentOperation)));
            Assert.All(streamKeys, key => Assert.False(logs.Contains(key, StringComparison.Ordinal),
                $"{scenario}, {stage}: a stream key appeared in verbose, debug, warning, information or progress: " +
                string.Join("\n", logs.Split('\n').Where(line => line.Contains(key, StringComparison.Ordinal)))));
        }
    }

    private PsResult Run(string body, string streamId) => _shell.Run("$body = {" + body + "}\n" + Scanned,
        ("baseUri", emulator.BaseUri), ("appId", emulator.Sigma.AppId), ("user", emulator.Sigma.UserName),
        ("sigmaSecret", EmulatorFixture.SigmaSecret), ("wrongSigmaSecret", WrongSigmaSecret), ("thetaUser", emulator.ThetaA.Id),
        ("thetaSecret", EmulatorFixture.ThetaSecretA), ("wrongThetaSecret", EmulatorFixture.ThetaSecretB), ("s3Secret", S3Secret),
        ("streamId", streamId));

    private string Basic(string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + secret));

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return Task.CompletedTask;
    }
}
