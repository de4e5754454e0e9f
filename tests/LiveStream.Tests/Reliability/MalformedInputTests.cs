using System.Management.Automation;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Malformed ids and parameter values on every cmdlet that takes them: one documented error record each, nothing sent.
/// </summary>
public sealed class MalformedInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string Guid = "42efeee4-e94e-4444-b0a6-90850413519d";
    private const string ThetaStream = "stream_abcdefghijklmnopqrstuvwxy";
    private const string Ingestor = "0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A";
    private const string InvalidId = "LiveStream.InvalidId";

    /// <summary>Values that are no vendor's id: path and query metacharacters, unicode, control characters, very long.</summary>
    private static readonly (string Label, string Value)[] Hostile =
    [
        ("dot-dot path", "../channels"),
        ("escaped slashes", "..%2F..%2Fsessions"),
        ("escaped slash", "%2F"),
        ("query", "x?page=2&perPage=100"),
        ("fragment", "x#top"),
        ("space", "has space"),
        ("unicode", "ünïcødé-ид-😀"),
        ("NUL", "\0"),
        ("CR LF", "line\r\nX-Injected: 1"),
        ("whitespace only", "   "),
        ("very long", new string('a', 10_000)),
        ("GUID then path", Guid + "/start"),
        ("GUID then query", Guid + "?x=1"),
        ("GUID in braces", "{" + Guid + "}"),
        ("GUID without dashes", Guid.Replace("-", "")),
        ("GUID with a trailing CR", Guid + "\r"),
        ("GUID with spaces around", " " + Guid + " "),
        ("stream id with a trailing newline", ThetaStream + "\n"),
        ("ingestor id with a trailing newline", Ingestor + "\n"),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        string[] sigmaIdCommands =
        [
            "Get-LiveChannel -Id $value", "Start-LiveChannel -Id $value", "Stop-LiveChannel -Id $value",
            "Remove-LiveChannel -Id $value -Confirm:$false", "Get-LiveSession -Id $value", "Get-LiveSession -ChannelId $value",
            "Get-LiveSessionStatus -SessionId $value", "Get-LiveSessionEvent -SessionId $value",
        ];
        string[] thetaIdCommands =
        [
            "Select-EdgeIngestor -ChannelId $value", "Select-EdgeIngestor -Id $value -ChannelId $streamId",
            "Disconnect-EdgeIngestor -Id $value",
        ];
        foreach (var command in sigmaIdCommands.Concat(thetaIdCommands))
        {
            foreach (var (label, value) in Hostile)
            {
                data.Add(command, label, value, InvalidId);
            }
        }

        // Another vendor's form where the cmdlet serves one vendor only.
        foreach (var command in sigmaIdCommands.Skip(4))
        {
            data.Add(command, "Theta stream id", ThetaStream, InvalidId);
            data.Add(command, "ingestor id", Ingestor, InvalidId);
        }

        data.Add("Select-EdgeIngestor -ChannelId $value", "Sigma GUID", Guid, InvalidId);
        data.Add("Select-EdgeIngestor -ChannelId $value", "ingestor id", Ingestor, InvalidId);
        data.Add("Select-EdgeIngestor -Id $value -ChannelId $streamId", "Theta stream id", ThetaStream, InvalidId);
        data.Add("Disconnect-EdgeIngestor -Id $value", "Sigma GUID", Guid, InvalidId);
        data.Add("Disconnect-EdgeIngestor -Id $value", "Theta stream id", ThetaStream, InvalidId);

        // Bad parameter values.
        data.Add("New-LiveChannel -Name x -Profile $value", "unknown profile", "../profiles", InvalidId);
        data.Add("New-LiveChannel -Name x -MachineId $value", "machine id not a GUID", "machine?id=1", InvalidId);
        data.Add("Connect-LiveStream -Sigma -AppId $value -BaseUri http://127.0.0.1:1 -Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 's').SecurePassword)) -SkipCheck",
            "app id not a GUID", "app/../x", InvalidId);
        data.Add("Connect-LiveStream -Theta -BaseUri http://127.0.0.1:1 -Credential ([pscredential]::new($value, [System.Net.NetworkCredential]::new('', 's').SecurePassword)) -SkipCheck",
            "service account id of the wrong form", "srvacc_../x", "LiveStream.InvalidCredential");
        data.Add("Connect-LiveStream -Sigma -AppId " + Guid + " -BaseUri $value -Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 's').SecurePassword)) -SkipCheck",
            "credentials over http to another host", "http://example.com/", "LiveStream.InsecureBaseUri");
        data.Add("Connect-LiveStream -Sigma -AppId " + Guid + " -BaseUri $value -Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 's').SecurePassword)) -SkipCheck",
            "not an http address", "ftp://127.0.0.1/", "LiveStream.InvalidBaseUri");
        data.Add("Get-LiveStreamConnection -Name $value", "no such connection", "../x", "LiveStream.ConnectionNotFound");

        // A piped channel that is not broadcasting has no current session: the session cmdlets take empty and null.
        foreach (var command in new[] { "Get-LiveSessionStatus -SessionId $value", "Get-LiveSessionEvent -SessionId $value" })
        {
            data.Add(command, "empty", "", "LiveStream.NoSession");
            data.Add(command, "null", null!, "LiveStream.NoSession");
        }
        return data;
    }

    public static TheoryData<string, string, string> EmptyValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in new[]
                 {
                     "Get-LiveChannel -Id $value", "Start-LiveChannel -Id $value", "Stop-LiveChannel -Id $value",
                     "Remove-LiveChannel -Id $value -Confirm:$false", "Get-LiveSession -Id $value",
                     "Select-EdgeIngestor -ChannelId $value", "Disconnect-EdgeIngestor -Id $value",
                 })
        {
            data.Add(command, "empty", "");
            data.Add(command, "null", null!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_value_gives_one_documented_error_record_and_sends_nothing(string command, string label, string value,
        string expectedErrorId)
    {
        var result = fixture.Run(command, ("value", value));

        var error = result.SingleError();
        Assert.True(error.FullyQualifiedErrorId.StartsWith(expectedErrorId + ",", StringComparison.Ordinal),
            $"{label}: {error.FullyQualifiedErrorId}: {error}");
        Assert.Equal(expectedErrorId == "LiveStream.InsecureBaseUri" ? ErrorCategory.SecurityError
            : expectedErrorId == "LiveStream.ConnectionNotFound" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument,
            error.CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.Empty(fixture.Emulator.Requests());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    /// <summary>PowerShell's own binding refuses an empty or null id before the cmdlet runs.</summary>
    [Theory]
    [MemberData(nameof(EmptyValues))]
    public void An_empty_or_null_id_is_refused_by_parameter_validation_and_sends_nothing(string command, string label, string? value)
    {
        var result = fixture.Run(command, ("value", value));

        var error = result.SingleError();
        Assert.True(error.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal),
            $"{label}: {error.FullyQualifiedErrorId}: {error}");
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Empty(fixture.Emulator.Requests());
    }

    [Theory]
    [InlineData("../sessions")]
    [InlineData("a&page=9&perPage=1")]
    [InlineData("x#frag")]
    [InlineData("%2F..%2F")]
    [InlineData("ünï code \t")]
    public void A_name_with_path_or_query_characters_is_sent_as_one_escaped_query_value_on_the_channels_path(string name)
    {
        var result = fixture.Run("Get-LiveChannel -Name $value -Vendor Sigma", ("value", name));

        Assert.StartsWith("LiveStream.NotFound,", result.SingleError().FullyQualifiedErrorId);
        var request = Assert.Single(fixture.Emulator.Requests());
        Assert.Equal(SigmaChannelHelpers.ChannelsPath, request.Path);
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        Assert.Equal(name, (string?)System.Text.Json.Nodes.JsonNode.Parse(query["q"]!)!["name"]);
        Assert.Equal("1", query["page"]);
    }
}
