using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Answers cut short or malformed on the list, get, create and start endpoints of both vendors: one error record naming
/// the endpoint (InvalidResponse; ServerError for an HTML 502 page), no hang, no stack trace.
/// </summary>
public sealed class MalformedResponseTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>, IDisposable
{
    private const string InvalidResponse = "LiveStream.InvalidResponse";
    private const string NewName = "([guid]::NewGuid().ToString('N'))";

    private static readonly (string Command, string Path, string Method, string Endpoint)[] SigmaEndpoints =
    [
        ("Get-LiveChannel -Connection $sigma", "^/api/livestream/channels$", "GET", "GET /api/livestream/channels"),
        ("Get-LiveChannel -Id $channelId", "^/api/livestream/channels/[^/]+$", "GET", "GET /api/livestream/channels/{id}"),
        ("New-LiveChannel -Connection $sigma -Name " + NewName, "^/api/livestream/channels$", "POST", "POST /api/livestream/channels"),
        ("Get-LiveSession -ChannelId $channelId", "^/api/livestream/sessions$", "GET", "GET /api/livestream/sessions"),
    ];

    private static readonly (string Command, string Path, string Method, string Endpoint)[] ThetaEndpoints =
    [
        ("Get-EdgeIngestor", "^/ingestor/filter$", "GET", "GET /ingestor/filter"),
        ("Select-EdgeIngestor -ChannelId $streamId", "^/ingestor/filter$", "GET", "GET /ingestor/filter"),
        ("Connect-LiveStream -Theta -Name theta-check -BaseUri $baseUri -MaxRetries 1 -Credential ([pscredential]::new($thetaUser, [System.Net.NetworkCredential]::new('', $thetaSecret).SecurePassword))",
            "^/service_account/[^/]+/streams$", "GET", "GET /service_account/{id}/streams"),
    ];

    private static readonly (string Label, FaultKind Kind, int Status, string[]? Fields, string ErrorId)[] Malformations =
    [
        ("HTML page with 200", FaultKind.Html, 200, null, InvalidResponse),
        ("HTML 502 page", FaultKind.Html, 502, null, "LiveStream.ServerError"),
        ("truncated JSON", FaultKind.Truncated, 0, null, InvalidResponse),
        ("wrong types", FaultKind.WrongTypes, 0, null, InvalidResponse),
        ("missing id", FaultKind.MissingFields, 0, null, InvalidResponse),
    ];

    public static TheoryData<string, string, string, string, string, FaultKind, int, string[]?, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, FaultKind, int, string[]?, string>();
        // A create that acted but whose answer cannot be read is looked up, not reported (CreateOutcomeLookupTests).
        foreach (var (command, path, method, endpoint) in SigmaEndpoints.Concat(ThetaEndpoints).Where(call => call.Method != "POST"))
        {
            // The credential check reads only the envelope's status, not the streams.
            foreach (var (label, kind, status, fields, errorId) in Malformations.Where(malformation =>
                         !(command.StartsWith("Connect", StringComparison.Ordinal) && malformation.Label == "missing id")))
            {
                data.Add(label, command, path, method, endpoint, kind, status, fields, errorId);
            }
        }

        foreach (var (command, path, method, endpoint) in ThetaEndpoints)
        {
            data.Add("Theta envelope without status and body", command, path, method, endpoint, FaultKind.MissingFields, 0,
                ["status", "body"], InvalidResponse);
        }

        // A start, stop or delete answered 2xx is done whatever its body (RetriedChangeTests).
        data.Add("answer over the size cap", SigmaEndpoints[0].Command, SigmaEndpoints[0].Path, "GET", SigmaEndpoints[0].Endpoint,
            FaultKind.Huge, 0, null, InvalidResponse);
        data.Add("answer over the size cap", ThetaEndpoints[0].Command, ThetaEndpoints[0].Path, "GET", ThetaEndpoints[0].Endpoint,
            FaultKind.Huge, 0, null, InvalidResponse);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_answer_gives_one_error_record_naming_the_endpoint(string label, string command, string path,
        string method, string endpoint, FaultKind kind, int status, string[]? fields, string expectedErrorId)
    {
        fixture.Emulator.State.Faults.Add(new FaultRule(path, method, Kind: kind, Status: status, Fields: fields,
            HugeBytes: 33L * 1024 * 1024));

        var result = fixture.Run(command);

        var error = result.SingleError();
        Assert.True(error.FullyQualifiedErrorId.StartsWith(expectedErrorId + ",", StringComparison.Ordinal),
            $"{label}: {error.FullyQualifiedErrorId}: {error}");
        Assert.Equal(expectedErrorId == InvalidResponse ? ErrorCategory.InvalidResult : ErrorCategory.ConnectionError,
            error.CategoryInfo.Category);
        Assert.Contains(endpoint, error.Exception.Message);
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.DoesNotContain("Exception", error.ToString());
        Assert.NotEmpty(fixture.Emulator.Requests());
    }

    [Theory]
    [InlineData(FaultKind.Html, 200, null)]
    [InlineData(FaultKind.Truncated, 0, null)]
    [InlineData(FaultKind.WrongTypes, 0, null)]
    [InlineData(FaultKind.MissingFields, 0, null)]
    [InlineData(FaultKind.MissingFields, 0, new[] { "status", "body" })]
    public async Task A_malformed_answer_to_Thetas_stream_get_is_an_InvalidResponse_and_to_its_create_the_stream_looked_up(
        FaultKind kind, int status, string[]? fields)
    {
        using var theta = new ThetaDriver(fixture.Emulator.Emulator);
        var store = fixture.Emulator.State.Theta;
        lock (store.Gate)
        {
            // The account may hold only three streams.
            store.Streams.RemoveAll(stream => (string?)stream["id"] != fixture.StreamId);
        }

        fixture.Emulator.State.Faults.Add(new FaultRule("^/stream", Kind: kind, Status: status, Fields: fields));

        var get = await Assert.ThrowsAsync<LiveStreamApiException>(() => theta.GetStreamAsync(theta.A, fixture.StreamId))
            .WaitAsync(TimeSpan.FromSeconds(30));
        var created = await theta.CreateStreamAsync(theta.A, "made " + kind).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ApiErrorKind.InvalidResponse, get.Kind);
        Assert.Contains("GET /stream/{id}", get.Message);
        Assert.DoesNotContain("   at ", get.Message);
        Assert.Equal("made " + kind, created.Name);
        lock (store.Gate)
        {
            Assert.Contains(store.Streams, stream => (string?)stream["id"] == created.Id);
        }
    }

    public void Dispose() => fixture.Emulator.State.Faults.Clear();
}
