using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace LiveStream.Tests.Http;

/// <summary>
/// The innermost handler in place of the network: each attempt gets the next scripted answer (the last one repeats)
/// and is recorded as it arrived, credential headers included.
/// </summary>
internal sealed class StubTransport(FakeHttpClock clock) : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private Func<CancellationToken, Task<HttpResponseMessage>>? _last;

    public List<SentRequest> Sent { get; } = [];

    public StubTransport Then(Func<CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public StubTransport ThenStatus(int status, string? body = null, Action<HttpResponseMessage>? shape = null) =>
        Then(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json"),
            };
            shape?.Invoke(response);
            return Task.FromResult(response);
        });

    public StubTransport ThenOk(string body = "{}") => ThenStatus(200, body);

    /// <summary>The server never answers: the attempt's timeout fires.</summary>
    public StubTransport ThenNoAnswer() => Then(async token =>
    {
        clock.ExpireAttempt();
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        throw new InvalidOperationException("unreachable");
    });

    public StubTransport ThenRefused() => Then(_ =>
        throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

    public StubTransport ThenConnectionReset() => Then(_ =>
        throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)));

    /// <summary>A 200 whose body breaks off: the connection is lost while reading the answer.</summary>
    public StubTransport ThenLostWhileReading() => Then(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new StreamContent(new BreakingStream()),
    }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add(new SentRequest(request.Method.Method, request.RequestUri!.PathAndQuery,
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToArray()),
            request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        var answer = _script.Count > 0 ? _last = _script.Dequeue() : _last ?? throw new InvalidOperationException("no answer scripted");
        return await answer(cancellationToken);
    }

    internal sealed record SentRequest(string Method, string PathAndQuery, Dictionary<string, string[]> Headers, string? Body);

    private sealed class BreakingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("connection reset");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("connection reset");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
