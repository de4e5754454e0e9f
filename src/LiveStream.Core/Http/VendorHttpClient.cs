using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// The HTTP core shared by every call of one connection: one HttpClient over a chain of handlers, outermost first
    /// (<see cref="RetryHandler"/>, <see cref="TracingHandler"/>, <see cref="AuthenticationHandler"/>,
    /// <see cref="AnswerBufferHandler"/>, then the transport), and <see cref="ResponseReader"/> for the final answer.
    /// Every failure comes out as a <see cref="LiveStreamApiException"/>.
    /// </summary>
    public sealed class VendorHttpClient : IDisposable
    {
        private static readonly string UserAgent = "LiveStream-PowerShell/" +
            typeof(VendorHttpClient).Assembly.GetName().Version!.ToString(3);

        private readonly HttpClient _http;
        private readonly IRequestAuthenticator _authenticator;
        private volatile bool _disposed;

        public VendorHttpClient(string vendorName, Uri baseUri, IRequestAuthenticator authenticator, HttpSettings settings)
            : this(vendorName, baseUri, authenticator, settings, new HttpClientHandler
            {
                MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
                AllowAutoRedirect = false,
                UseCookies = false,
            })
        {
        }

        /// <param name="transport">The innermost handler, which puts requests on the wire (a stub in tests).</param>
        internal VendorHttpClient(string vendorName, Uri baseUri, IRequestAuthenticator authenticator, HttpSettings settings,
            HttpMessageHandler transport)
        {
            VendorName = vendorName;
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal)
                ? baseUri
                : new Uri(baseUri.AbsoluteUri + "/");
            Settings = settings;
            _authenticator = authenticator;
            var pipeline = new RetryHandler(settings, () => IsDisposed)
            {
                InnerHandler = new TracingHandler(settings.Clock)
                {
                    InnerHandler = new AuthenticationHandler(authenticator)
                    {
                        InnerHandler = new AnswerBufferHandler(settings.MaxResponseBytes) { InnerHandler = transport },
                    },
                },
            };
            _http = new HttpClient(pipeline) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public string VendorName { get; }

        public Uri BaseUri { get; }

        public HttpSettings Settings { get; }

        /// <summary>What messages call the connection that owns this client, e.g. "Sigma connection 'prod' (https://...)".</summary>
        public string? ConnectionName { get; set; }

        /// <summary>The creates of this connection, which the outcome lookup of a lost create must not confuse.</summary>
        public CreateLedger Creates { get; } = new CreateLedger();

        /// <summary>True once the connection that owns this client was closed (disconnected, or replaced).</summary>
        public bool IsDisposed => _disposed;

        /// <summary>Masks the connection's secrets (see <see cref="IRequestAuthenticator.Redact"/>) in a text.</summary>
        public string Redact(string text) => _authenticator.Redact(text);

        /// <summary>
        /// Sends a call through the handlers (see <see cref="RetryHandler"/> for what is repeated) and reads its answer.
        /// A failure after an attempt that may have acted is marked so (<see
        /// cref="LiveStreamApiException.EarlierAttemptMayHaveActed"/>).
        /// </summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, IApiTrace? trace, CancellationToken cancellationToken)
        {
            if (IsDisposed)
            {
                throw Closed(request, sent: false, null);
            }

            var call = new HttpCall(request, trace, VendorName, BaseUri.GetLeftPart(UriPartial.Authority), Redact,
                Settings.Timeout);
            call.NewMessage = () => Message(call);
            try
            {
                using var message = Message(call);
                using var response = await SendThroughHandlersAsync(message, call, cancellationToken).ConfigureAwait(false);
                return ResponseReader.Read(response, call);
            }
            catch (LiveStreamApiException error) when (call.EarlierAttemptMayHaveActed)
            {
                throw error.AfterAttemptThatMayHaveActed();
            }
        }

        private HttpRequestMessage Message(HttpCall call)
        {
            var request = call.Request;
            var message = new HttpRequestMessage(request.Method, new Uri(BaseUri, request.PathAndQuery.TrimStart('/')));
            message.Headers.UserAgent.ParseAdd(UserAgent);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.Body != null)
            {
                call.BodyJson ??= request.Body.ToJsonString(JsonDefaults.Options);
                message.Content = new StringContent(call.BodyJson, Encoding.UTF8, "application/json");
            }

            call.AttachTo(message);
            return message;
        }

        private async Task<HttpResponseMessage> SendThroughHandlersAsync(HttpRequestMessage message, HttpCall call,
            CancellationToken cancellationToken)
        {
            try
            {
                return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ConnectionClosedException closed)
            {
                throw Closed(call.Request, closed.Sent, null);
            }
            catch (Exception exception) when (IsDisposed)
            {
                throw Closed(call.Request, sent: true, exception);
            }
            catch (Exception exception) when (AttemptFailure.OfException(exception, call) is { } failure)
            {
                throw ApiFailures.Transport(call, failure, (exception as AnswerReadException)?.InnerException ?? exception);
            }
        }

        private LiveStreamApiException Closed(ApiRequest request, bool sent, Exception? inner) =>
            ApiFailures.Closed(request,
                ConnectionName ?? $"The {VendorName} connection to {BaseUri.GetLeftPart(UriPartial.Authority)}", sent, inner);

        /// <summary>Closes this client for every caller: calls in flight and later ones fail as NotConnected. Idempotent.</summary>
        public void Dispose()
        {
            _disposed = true;
            _http.Dispose();
            (_authenticator as IDisposable)?.Dispose();
        }
    }
}
