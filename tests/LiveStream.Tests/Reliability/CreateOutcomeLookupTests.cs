using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Every create whose outcome is not a clear refusal goes through the outcome lookup: a 2xx whose body cannot be read
/// and a 5xx page after the vendor acted return the object that was made; the lookup only takes an object this call
/// made (absent from the snapshot taken before sending); and while the outcome is unknown no advice says "retry".
/// </summary>
public sealed class CreateOutcomeLookupTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string SigmaCreate = "^/api/livestream/channels$";
    private const string ThetaCreate = "^/stream$";
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator, "-Name sigma").AssertSuccess();
        _shell.ConnectTheta(emulator, emulator.ThetaA, "-Name theta").AssertSuccess();
    }

    public static TheoryData<FaultKind, int> ActedThenUnreadable => new()
    {
        { FaultKind.Truncated, 0 },
        { FaultKind.WrongTypes, 0 },
        { FaultKind.MissingFields, 0 },
        { FaultKind.Html, 200 },
        { FaultKind.Html, 201 },
        { FaultKind.Html, 500 },
        { FaultKind.Html, 502 },
        { FaultKind.Html, 504 },
    };

    [Theory]
    [MemberData(nameof(ActedThenUnreadable))]
    public async Task A_Sigma_create_that_acted_but_whose_answer_cannot_be_read_returns_the_channel_it_made(FaultKind kind, int status)
    {
        await emulator.AddFaultAsync(new FaultRule(SigmaCreate, Method: "POST", Kind: kind, Status: status, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name evening -Connection (Get-LiveStreamConnection -Name sigma)");

        result.AssertSuccess();
        var channel = result.Single<LiveChannel>();
        Assert.Equal([channel.Id], emulator.StoredChannels().Select(stored => (string)stored["id"]!));
        Assert.Single(emulator.ChannelRequests("POST"));
        Assert.Contains("was not sent twice", Assert.Single(result.Warnings).Message);
    }

    [Theory]
    [MemberData(nameof(ActedThenUnreadable))]
    public async Task A_Theta_create_that_acted_but_whose_answer_cannot_be_read_returns_the_stream_it_made(FaultKind kind, int status)
    {
        await emulator.AddFaultAsync(new FaultRule(ThetaCreate, Method: "POST", Kind: kind, Status: status, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name evening -Connection (Get-LiveStreamConnection -Name theta)");

        result.AssertSuccess();
        var stream = result.Single<LiveChannel>();
        Assert.Equal([stream.Id], emulator.State.Theta.Streams.Select(stored => (string)stored["id"]!));
        Assert.Single(emulator.Requests("/stream"), request => request.Method == "POST");
    }

    [Fact]
    public async Task A_lost_create_does_not_return_an_earlier_channel_of_the_same_name()
    {
        var first = _shell.Run("New-LiveChannel -Name weekly-show -Connection (Get-LiveStreamConnection -Name sigma)").Single<LiveChannel>();
        await emulator.AddFaultAsync(new FaultRule(SigmaCreate, Method: "POST", Kind: FaultKind.Drop, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name weekly-show -Connection (Get-LiveStreamConnection -Name sigma)");

        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.StartsWith("LiveStream.OutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Contains("Get-LiveChannel -Name 'weekly-show'", error.ErrorDetails!.RecommendedAction);
        Assert.DoesNotContain(first.Id, error.Exception.Message);
        Assert.Equal([first.Id], emulator.StoredChannels().Select(stored => (string)stored["id"]!));
    }

    [Fact]
    public async Task A_lost_create_returns_the_new_channel_and_not_the_earlier_one_of_the_same_name()
    {
        var first = _shell.Run("New-LiveChannel -Name weekly-show -Connection (Get-LiveStreamConnection -Name sigma)").Single<LiveChannel>();
        await emulator.AddFaultAsync(new FaultRule(SigmaCreate, Method: "POST", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name weekly-show -Connection (Get-LiveStreamConnection -Name sigma)");

        result.AssertSuccess();
        var second = result.Single<LiveChannel>();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, emulator.StoredChannels().Count);
    }

    [Theory]
    [InlineData("sigma", SigmaCreate)]
    [InlineData("theta", ThetaCreate)]
    public async Task While_the_outcome_is_unknown_no_advice_says_retry(string connection, string path)
    {
        await emulator.AddFaultAsync(new FaultRule(path, Method: "POST", Kind: FaultKind.Drop, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name lost -Connection (Get-LiveStreamConnection -Name $c)", ("c", connection));

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.OutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationStopped, error.CategoryInfo.Category);
        Assert.Contains("Get-LiveChannel -Name 'lost'", error.ErrorDetails!.RecommendedAction);
        foreach (var text in new[] { error.Exception.Message, error.ErrorDetails?.Message, error.ErrorDetails?.RecommendedAction })
        {
            Assert.DoesNotContain("retry", text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("try again", text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_create_refused_with_a_4xx_before_acting_is_a_plain_error_without_a_lookup()
    {
        await emulator.AddFaultAsync(new FaultRule(SigmaCreate, Method: "POST", Kind: FaultKind.Status, Status: 400, Count: 1));
        emulator.State.ClearRequests();

        var result = _shell.Run("New-LiveChannel -Name refused -Connection (Get-LiveStreamConnection -Name sigma)");

        Assert.StartsWith("LiveStream.InvalidArgument,", result.SingleError().FullyQualifiedErrorId);
        Assert.Empty(result.Warnings);
        var calls = emulator.Requests("/api/livestream/channels");
        Assert.Single(calls, request => request.Method == "POST");
        Assert.Equal("POST", calls[^1].Method);
    }

    public Task DisposeAsync() => emulator.ResetAsync();

    public void Dispose() => _shell.Dispose();
}
