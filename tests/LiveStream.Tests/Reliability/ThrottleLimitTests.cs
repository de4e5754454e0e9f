using System.Diagnostics;
using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>Per-item cmdlets run calls concurrently up to -ThrottleLimit, yet write in input order from the pipeline thread.</summary>
public sealed class ThrottleLimitTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    [Fact]
    public async Task Results_and_errors_keep_input_order_under_ThrottleLimit_16_while_calls_overlap()
    {
        var channels = _shell.NewChannels(Enumerable.Range(0, 40).Select(i => $"order-{i:D2}").ToArray());
        var input = new List<string>();
        for (var i = 0; i < channels.Count; i++)
        {
            input.Add(channels[i].Id);
            if (i % 10 == 3)
            {
                input.Add(Guid.NewGuid().ToString());
            }

            if (i % 10 == 7)
            {
                input.Add("not-a-guid-" + i);
            }
        }

        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels/[^/]+$", Method: "GET", LatencyMs: 5, LatencyJitterMs: 60));
        emulator.State.ClearRequests();

        var result = _shell.Run("$ids | Get-LiveChannel -ThrottleLimit 16 2>&1", ("ids", input.ToArray()));

        var written = result.Output.Select(item => item.BaseObject switch
        {
            LiveChannel channel => channel.Id,
            ErrorRecord error => (string)error.TargetObject,
            var other => throw new Xunit.Sdk.XunitException("unexpected output " + other),
        }).ToList();
        Assert.Equal(input, written);
        var errors = result.Output.Select(item => item.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(8, errors.Count);
        Assert.Equal(4, errors.Count(error => error.FullyQualifiedErrorId.StartsWith("LiveStream.NotFound,")));
        Assert.Equal(4, errors.Count(error => error.FullyQualifiedErrorId.StartsWith("LiveStream.InvalidId,")));
        var gets = emulator.Requests("/api/livestream/channels/").Where(request => request.Method == "GET").ToList();
        Assert.Equal(44, gets.Count);
        Assert.True(MaxOverlap(gets) > 1, "the calls never overlapped");
    }

    [Fact]
    public async Task ThrottleLimit_1_sends_the_next_call_only_after_the_previous_one_answered()
    {
        var ids = _shell.NewChannels("one-a", "one-b", "one-c", "one-d").Select(channel => channel.Id).ToArray();
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels/[^/]+$", Method: "GET", LatencyMs: 40));
        emulator.State.ClearRequests();

        var result = _shell.Run("$ids | Get-LiveChannel -ThrottleLimit 1", ("ids", ids));

        result.AssertSuccess();
        Assert.Equal(ids, result.Objects<LiveChannel>().Select(channel => channel.Id));
        var gets = emulator.Requests("/api/livestream/channels/");
        Assert.Equal(4, gets.Count);
        Assert.All(gets, request => Assert.Equal(1, request.InFlight));
    }

    [Fact]
    public async Task Stopping_cancels_every_call_in_flight_under_ThrottleLimit_16()
    {
        var ids = _shell.NewChannels(Enumerable.Range(0, 24).Select(i => $"cancel-{i:D2}").ToArray())
            .Select(channel => channel.Id).ToArray();
        _shell.Run("$ids | Start-LiveChannel", ("ids", ids)).AssertSuccess();
        await emulator.AddFaultAsync(new FaultRule("/stop$", Method: "DELETE", LatencyMs: 30_000));
        emulator.State.ClearRequests();

        using var pipeline = _shell.Create("$ids | Stop-LiveChannel -ThrottleLimit 16", ("ids", ids));
        var running = pipeline.BeginInvoke();
        var waited = Stopwatch.StartNew();
        while (emulator.Requests("/api/livestream/channels/").Count < 16 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(20);
        }

        pipeline.Stop();

        // Each answer is 30 s away: a pipeline that ended now was stopped with its calls in flight, not answered.
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, pipeline.InvocationStateInfo.State);
        Assert.Equal(16, emulator.Requests("/api/livestream/channels/").Count);
    }

    /// <summary>The most requests the emulator was handling at once: more than one means they ran side by side.</summary>
    private static int MaxOverlap(IReadOnlyList<RecordedRequest> requests) => requests.Max(request => request.InFlight);

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return emulator.ResetAsync();
    }
}
