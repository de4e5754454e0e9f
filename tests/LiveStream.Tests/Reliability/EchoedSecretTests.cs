using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using LiveStream.Emulator;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// A vendor that quotes back what it was sent (the S3 secret key of a create, the Basic token) in its error message:
/// every secret the module holds for the call is masked in the error, its VendorMessage and -Debug, in its plain,
/// URL-encoded, base64 and JSON-escaped forms.
/// </summary>
public sealed class EchoedSecretTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    // '/', '+' and '=' make the URL-encoded and JSON-escaped forms differ from the plain one.
    private const string S3Secret = "S3/s3cret+Key=5be0c4a7";
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    private static IEnumerable<(string What, string Text)> FormsOf(string what, string secret) =>
    [
        (what, secret),
        (what + " URL-encoded", Uri.EscapeDataString(secret)),
        (what + " URL-encoded, lower-case hex", LowerHex(Uri.EscapeDataString(secret))),
        (what + " form-encoded", WebUtility.UrlEncode(secret)),
        (what + " base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))),
        (what + " JSON-escaped", JavaScriptEncoder.Default.Encode(secret)),
    ];

    private static string LowerHex(string encoded) =>
        System.Text.RegularExpressions.Regex.Replace(encoded, "%[0-9A-F]{2}", match => match.Value.ToLowerInvariant());

    private string BasicToken => Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + EmulatorFixture.SigmaSecret));

    private List<(string What, string Text)> Secrets() =>
        FormsOf("S3 secret key", S3Secret)
            .Concat(FormsOf("Sigma secret key", EmulatorFixture.SigmaSecret))
            .Concat(FormsOf("Basic token", BasicToken))
            .Where(form => form.Text.Length > 0)
            .Distinct()
            .ToList();

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task A_vendor_message_quoting_the_secrets_in_any_form_is_masked_in_the_error_VendorMessage_and_Debug(int status)
    {
        var quoted = string.Join(" ", Secrets().Select(form => $"[{form.What}: {form.Text}]"));
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels$", Method: "POST", Kind: FaultKind.Status,
            Status: status, Message: "invalid destination: secretKey=" + quoted));

        var result = _shell.Run("""
            $secret = [System.Net.NetworkCredential]::new('', $s3).SecurePassword
            $dest = New-LiveS3Destination -Bucket recordings -Endpoint https://s3.example.com -Region eu-west-1 -AccessKey AKIAEXAMPLE -SecretKey $secret
            New-LiveChannel -Name echo -CatchupS3 $dest -Debug -Verbose
            $Error[0] | Format-List * -Force | Out-String
            $Error[0].Exception.VendorMessage
            """, ("s3", S3Secret));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.", error.FullyQualifiedErrorId);
        var vendorMessage = Assert.IsType<LiveStream.Http.LiveStreamApiException>(error.Exception).VendorMessage;
        Assert.Contains("invalid destination", vendorMessage);
        Assert.Contains("invalid destination", result.EverythingAsText());
        var everything = result.EverythingAsText() + "\n" + vendorMessage;
        foreach (var (what, text) in Secrets())
        {
            Assert.False(everything.Contains(text, StringComparison.Ordinal), $"the {what} ({text}) was shown");
        }

        Assert.Contains(result.Debug, record => record.Message.Contains("***"));
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    public void Dispose() => _shell.Dispose();
}
