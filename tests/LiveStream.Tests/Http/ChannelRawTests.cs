using System.Security;
using LiveStream.Sigma;

namespace LiveStream.Tests.Http;

/// <summary>
/// A channel read by id keeps its answer and builds Raw from it when Raw is first read; an answer that holds an S3 secret
/// key has it dropped from Raw either way; messages of a closed connection still mask its Basic token (which the connection no longer keeps).
/// </summary>
public sealed class ChannelRawTests
{
    private const string Channel = """
        {"id":"c-1","name":"one","status":"idle","appId":"app-1","input":{"streamToken":"t","rtmpServer":"rtmp://x/live"},
         "destinationCatchup":{"s3":{"bucket":"b","endpoint":"https://s3.example","secretKey":"S3-secret-in-answer"}}}
        """;

    [Fact]
    public async Task Raw_of_a_channel_read_by_id_holds_its_fields()
    {
        using var http = new StubHttp();
        http.Transport.ThenOk("""{"id":"c-1","name":"one","appId":"app-1","extra":{"depth":2}}""");

        var channel = await new SigmaClient(http.Client).GetChannelAsync("c-1", CancellationToken.None);

        Assert.Equal("app-1", channel.Raw["appId"]);
        Assert.Equal(2L, ((IDictionary<string, object?>)channel.Raw["extra"]!)["depth"]);
        Assert.Same(channel.Raw, channel.Raw);
    }

    [Fact]
    public async Task Raw_of_a_channel_whose_answer_holds_an_S3_secret_key_leaves_the_key_out()
    {
        using var http = new StubHttp();
        http.Transport.ThenOk(Channel);

        var channel = await new SigmaClient(http.Client).GetChannelAsync("c-1", CancellationToken.None);

        var s3 = (IDictionary<string, object?>)((IDictionary<string, object?>)channel.Raw["destinationCatchup"]!)["s3"]!;
        Assert.Equal("b", s3["bucket"]);
        Assert.False(s3.ContainsKey("secretKey"));
        Assert.DoesNotContain("S3-secret-in-answer", System.Text.Json.JsonSerializer.Serialize(channel.Raw));
    }

    [Fact]
    public async Task After_the_connection_closes_its_messages_still_mask_the_Basic_token()
    {
        using var http = new StubHttp();
        http.Transport.ThenOk();
        await http.SendAsync(StubHttp.Get());
        var sent = http.Transport.Sent.Single().Headers["Authorization"].Single();

        http.Client.Dispose();

        Assert.Equal("Basic ***", http.Client.Redact(sent));
    }
}
