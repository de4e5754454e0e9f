using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// Reports each attempt to the call's trace: the request body (debug), the status line with its time (verbose)
    /// and the answer's body (debug, cut at 4000 characters). Bodies pass <see cref="JsonRedaction"/> and every text
    /// the connection's and the request's secrets (<see cref="HttpCall.Redact"/>). Nothing is built nobody reads.
    /// </summary>
    internal sealed class TracingHandler : DelegatingHandler
    {
        private readonly HttpClock _clock;

        public TracingHandler(HttpClock clock)
        {
            _clock = clock;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = HttpCall.Of(request);
            var trace = call.Trace;
            var url = request.RequestUri!;
            if (call.BodyJson != null && trace?.WantsDebug == true)
            {
                trace.Debug($"{call.VendorName} {request.Method} {url.AbsolutePath} body: " +
                    JsonRedaction.Redact(call.BodyJson, call.Redact));
            }

            var started = _clock.Now;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (trace?.WantsVerbose == true)
            {
                trace.Verbose($"{call.VendorName} {request.Method} {url} -> {(int)response.StatusCode} {response.ReasonPhrase} " +
                    $"({(long)(_clock.Now - started).TotalMilliseconds} ms)");
            }

            var body = BufferedAnswer.Of(response);
            if (body.Count > 0 && trace?.WantsDebug == true)
            {
                trace.Debug($"{call.VendorName} {request.Method} {url.AbsolutePath} answer: " +
                    HttpText.Truncate(JsonRedaction.Redact(HttpText.Of(body), call.Redact), 4000));
            }

            return response;
        }
    }
}
