using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>A create is never sent twice; when its answer is lost, New-LiveChannel finds out what happened.</summary>
public sealed class CreateOutcomeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string CreatePath = "^/api/livestream/channels$";
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_returns_the_channel_it_made_with_a_warning_and_is_sent_once()
    {
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.DropAfter, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name 'Bản tin tối'");

        result.AssertSuccess();
        var channel = result.Single<LiveChannel>();
        Assert.Equal("Bản tin tối", channel.Name);
        Assert.Single(emulator.ChannelRequests("POST"));
        Assert.Equal([channel.Id], emulator.StoredChannels().Select(stored => (string)stored["id"]!));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("was not sent twice", warning.Message);
    }

    [Fact]
    public async Task A_create_lost_before_it_reached_the_service_fails_with_OutcomeUnknown_and_makes_nothing()
    {
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.Drop, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name lost-news");

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.OutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationStopped, error.CategoryInfo.Category);
        Assert.Equal("lost-news", error.TargetObject);
        Assert.Contains("most likely not created", error.Exception.Message);
        Assert.Contains("Get-LiveChannel -Name 'lost-news'", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("Get-LiveChannel", error.ErrorDetails.Message);
        Assert.Single(emulator.ChannelRequests("POST"));
        Assert.Empty(emulator.StoredChannels());
    }

    [Fact]
    public async Task A_lost_answer_with_two_new_channels_of_that_name_is_not_guessed()
    {
        // Someone else makes a "twin" while this create waits in the service; the answer to this one is then lost.
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", LatencyMs: 1500));
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.DropAfter, Count: 1));
        using var shell = _shell.Create("New-LiveChannel -Name twin");
        var running = shell.BeginInvoke();
        for (var i = 0; i < 100 && emulator.ChannelRequests("POST").Count == 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Empty(emulator.StoredChannels());
        emulator.EditSigma(store => store.Channels.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "twin",
            ["status"] = "idle",
            ["createdAt"] = store.Clock.Stamp(),
            ["updatedAt"] = store.Clock.Stamp(),
        }));

        var result = _shell.Collect(shell, () => shell.EndInvoke(running).ToList());

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.OutcomeUnknown,", error.FullyQualifiedErrorId);
        Assert.Contains("2 new channels of that name", error.Exception.Message);
        Assert.Single(emulator.ChannelRequests("POST"));
        Assert.Equal(2, emulator.StoredChannels().Count);
    }

    [Fact]
    public async Task A_create_refused_with_429_is_waited_out_and_sent_again()
    {
        await emulator.AddFaultAsync(new FaultRule(CreatePath, Method: "POST", Kind: FaultKind.Status, Status: 429,
            RetryAfterSeconds: 0, Count: 1));

        var result = _shell.Run("New-LiveChannel -Name retried");

        result.AssertSuccess();
        Assert.Equal(2, emulator.ChannelRequests("POST").Count);
        Assert.Single(emulator.StoredChannels());
    }

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return emulator.ResetAsync();
    }
}
