using System.Net;
using LiveStream.Emulator;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// A connection closed (Disconnect-LiveStream, or replaced) before or while a call goes through it: the HTTP core
/// reports NotConnected, never the ObjectDisposedException or cancellation that disposing the HttpClient causes.
/// </summary>
public sealed class ClosedConnectionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string ChannelPath = "^/api/livestream/channels/[^/]+$";

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private LiveStreamConnection NewConnection(int maxRetries = 4) =>
        LiveStreamConnection.ForSigma("closing", emulator.BaseUri, emulator.Sigma.AppId, emulator.Sigma.UserName,
            new NetworkCredential(string.Empty, emulator.Sigma.SecretKey).SecurePassword,
            new HttpSettings { MaxRetries = maxRetries });

    [Fact]
    public async Task A_call_on_a_closed_connection_is_NotConnected_and_sends_nothing()
    {
        var connection = NewConnection();
        var client = connection.CreateSigmaClient(null);
        connection.Dispose();
        emulator.State.ClearRequests();

        var error = await Assert.ThrowsAsync<LiveStreamApiException>(() =>
            client.GetChannelAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(ApiErrorKind.NotConnected, error.Kind);
        Assert.Equal("LiveStream.NotConnected", error.ErrorId);
        Assert.Contains("Sigma connection 'closing'", error.Message);
        Assert.Contains("was closed", error.Message);
        Assert.DoesNotContain("Connect-LiveStream", error.Message); // Core names no cmdlet: the cmdlet layer gives the advice
        Assert.Empty(emulator.Requests());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Calls_in_flight_when_the_connection_closes_end_as_NotConnected_without_retries(int maxRetries)
    {
        var connection = NewConnection(maxRetries);
        var client = connection.CreateSigmaClient(null);
        await emulator.AddFaultAsync(new FaultRule(ChannelPath, Method: "GET", LatencyMs: 60_000));
        await emulator.AddFaultAsync(new FaultRule("^/api/livestream/channels$", Method: "POST", LatencyMs: 60_000));
        emulator.State.ClearRequests();

        var reads = Enumerable.Range(0, 3)
            .Select(_ => client.GetChannelAsync(Guid.NewGuid().ToString(), CancellationToken.None)).ToList();
        var create = client.CreateChannelAsync("in flight", new LiveStream.Channels.ChannelSettings(), CancellationToken.None);
        // Three reads, the create's look at the channels of its name (its snapshot), and the create itself.
        for (var wait = 0; emulator.Requests().Count < 5 && wait < 400; wait++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(5, emulator.Requests().Count);
        Assert.Single(emulator.Requests(), request => request.Method == "POST");
        connection.Dispose();

        foreach (var read in reads)
        {
            var error = await Assert.ThrowsAsync<LiveStreamApiException>(() => read);
            Assert.Equal(ApiErrorKind.NotConnected, error.Kind);
        }

        var created = await Assert.ThrowsAsync<LiveStreamApiException>(() => create);
        Assert.Equal(ApiErrorKind.NotConnected, created.Kind);
        Assert.Contains("may have reached the service", created.Message);
        Assert.Equal(5, emulator.Requests().Count);
    }
}
