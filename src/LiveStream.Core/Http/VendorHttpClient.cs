using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// The HTTP core shared by every call of one connection: one HttpClient, credential headers added at send time,
    /// per-attempt timeout, retries of transient failures for calls that are safe to repeat, a cap on answer size, and
    /// one mapping from failures to <see cref="LiveStreamApiException"/>.
    /// </summary>
    public sealed class VendorHttpClient : IDisposable
    {
        private static readonly string UserAgent = "LiveStream-PowerShell/" +
            typeof(VendorHttpClient).Assembly.GetName().Version!.ToString(3);

        private readonly HttpClient _http;
        private readonly IRequestAuthenticator _authenticator;
        private readonly Random _jitter = new Random();

        public VendorHttpClient(string vendorName, Uri baseUri, IRequestAuthenticator authenticator, HttpSettings settings)
        {
            VendorName = vendorName;
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal)
                ? baseUri
                : new Uri(baseUri.AbsoluteUri + "/");
            Settings = settings;
            _authenticator = authenticator;
            var handler = new HttpClientHandler
            {
                MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public string VendorName { get; }

        public Uri BaseUri { get; }

        public HttpSettings Settings { get; }

        /// <summary>What messages call the connection that owns this client, e.g. "Sigma connection 'prod' (https://...)".</summary>
        public string? ConnectionName { get; set; }

        /// <summary>The creates of this connection, which the outcome lookup of a lost create must not confuse.</summary>
        public CreateLedger Creates { get; } = new CreateLedger();

        /// <summary>Masks the connection's secrets (see <see cref="IRequestAuthenticator.Redact"/>) in a text.</summary>
        public string Redact(string text) => _authenticator.Redact(text);

        /// <summary>Masks the connection's secrets and those <paramref name="request"/> carries, in every form.</summary>
        private string Redact(string text, ApiRequest request) =>
            request.Secrets.Count == 0 ? Redact(text) : SecretMask.Apply(Redact(text), request.Secrets);

        /// <summary>
        /// Sends a call, retrying transient failures of calls that are safe to repeat. All attempts and waits together stay
        /// within the retry budget (or one timeout, when that is longer): an attempt that starts late gets only what is
        /// left of it. A failure after an attempt that may have acted is marked so (<see
        /// cref="LiveStreamApiException.EarlierAttemptMayHaveActed"/>).
        /// </summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, IApiTrace? trace, CancellationToken cancellationToken)
        {
            var clock = Settings.Clock;
            var began = clock.Now;
            var budget = Settings.RetryBudget > Settings.Timeout ? Settings.RetryBudget : Settings.Timeout;
            var mayHaveActed = false;
            for (var attempt = 0; ; attempt++)
            {
                var left = budget - (clock.Now - began);
                var limit = left < Settings.Timeout ? left : Settings.Timeout;
                try
                {
                    return await SendOnceAsync(request, trace, limit, limit < Settings.Timeout ? budget : (TimeSpan?)null,
                        cancellationToken).ConfigureAwait(false);
                }
                catch (TransientFailure failure) when (IsDisposed)
                {
                    throw Closed(request, failure.Error);
                }
                catch (TransientFailure failure)
                {
                    var delay = RetryDelay(attempt, failure.RetryAfter);
                    var canRetry = failure.SafeToRepeat && attempt < Settings.MaxRetries &&
                        clock.Now - began + delay < budget;
                    if (!canRetry)
                    {
                        throw mayHaveActed ? failure.Error.AfterAttemptThatMayHaveActed() : failure.Error;
                    }

                    mayHaveActed |= failure.MayHaveActed;
                    if (trace?.WantsVerbose == true)
                    {
                        trace.Verbose($"{VendorName} {request.Endpoint}: {failure.Reason}; retry {attempt + 1} of " +
                        $"{Settings.MaxRetries} in {delay.TotalMilliseconds:0} ms.");
                    }

                    await clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (LiveStreamApiException error) when (mayHaveActed)
                {
                    throw error.AfterAttemptThatMayHaveActed();
                }
            }
        }

        private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue)
            {
                return retryAfter.Value < Settings.MaxDelay ? retryAfter.Value : Settings.MaxDelay;
            }

            var exponential = Settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            double jitter;
            lock (_jitter)
            {
                jitter = _jitter.NextDouble();
            }

            var capped = Math.Min(exponential, Settings.MaxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * jitter);
        }

        /// <param name="cutByBudget">The budget, when it cut this attempt's time below the connection's timeout.</param>
        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, IApiTrace? trace, TimeSpan limit,
            TimeSpan? cutByBudget, CancellationToken cancellationToken)
        {
            if (IsDisposed)
            {
                throw Closed(request, null);
            }

            var url = new Uri(BaseUri, request.PathAndQuery.TrimStart('/'));
            using var message = new HttpRequestMessage(request.Method, url);
            message.Headers.UserAgent.ParseAdd(UserAgent);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.Body != null)
            {
                var json = request.Body.ToJsonString(JsonDefaults.Options);
                message.Content = new StringContent(json, Encoding.UTF8, "application/json");
                if (trace?.WantsDebug == true)
                {
                    trace.Debug($"{VendorName} {request.Method} {url.AbsolutePath} body: " +
                        JsonRedaction.Redact(json, text => Redact(text, request)));
                }
            }

            _authenticator.Apply(message);

            using var timeout = Settings.Clock.StartTimeout(limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var clock = Stopwatch.StartNew();
            var within = $"{limit.TotalSeconds:0.#} s" +
                (cutByBudget is { } budget ? $" (what was left of the {budget.TotalSeconds:0.#} s retry budget)" : string.Empty);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception) when (IsDisposed)
            {
                throw Closed(request, exception);
            }
            catch (OperationCanceledException exception)
            {
                throw Transient(request, ApiErrorKind.Timeout, null, null,
                    $"no answer within {within}", exception, outcomeUnknown: true);
            }
            catch (HttpRequestException exception)
            {
                var refused = IsConnectionRefused(exception);
                throw Transient(request, ApiErrorKind.ConnectionFailed, null, null,
                    refused ? "the connection was refused" : "the connection failed", exception,
                    outcomeUnknown: !refused);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                ArraySegment<byte> body;
                try
                {
                    body = await ReadBodyAsync(response, request, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception) when (IsDisposed)
                {
                    throw Closed(request, exception);
                }
                catch (OperationCanceledException exception)
                {
                    throw Transient(request, ApiErrorKind.Timeout, status, null,
                        $"the answer did not complete within {within}", exception,
                        outcomeUnknown: true);
                }
                catch (Exception exception) when (exception is IOException || exception is HttpRequestException)
                {
                    throw Transient(request, ApiErrorKind.ConnectionFailed, status, null,
                        "the connection was lost while reading the answer", exception, outcomeUnknown: true);
                }

                if (trace?.WantsVerbose == true)
                {
                    trace.Verbose($"{VendorName} {request.Method} {url} -> {status} {response.ReasonPhrase} " +
                        $"({clock.ElapsedMilliseconds} ms)");
                }

                if (body.Count > 0 && trace?.WantsDebug == true)
                {
                    trace.Debug($"{VendorName} {request.Method} {url.AbsolutePath} answer: " +
                        Truncate(JsonRedaction.Redact(Text(body), text => Redact(text, request)), 4000));
                }

                if (status >= 200 && status < 300)
                {
                    return new ApiResponse(status, request.StatusIsTheAnswer ? default : ParseJson(request, status, body));
                }

                throw Failure(request, status, Text(body), response.Headers.RetryAfter);
            }
        }

        private static string Text(ArraySegment<byte> body) => Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count);

        /// <summary>The answer's bytes, read up to the size cap; decoded to text only where text is needed.</summary>
        private async Task<ArraySegment<byte>> ReadBodyAsync(HttpResponseMessage response, ApiRequest request, CancellationToken token)
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared > Settings.MaxResponseBytes)
            {
                throw TooLarge(request, (int)response.StatusCode);
            }

            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream(declared > 0 ? (int)declared.Value : 4096);
            var chunk = new byte[16384];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > Settings.MaxResponseBytes)
                {
                    throw TooLarge(request, (int)response.StatusCode);
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.GetBuffer();
            var bom = buffer.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new ArraySegment<byte>(bytes, bom, (int)buffer.Length - bom);
        }

        private LiveStreamApiException TooLarge(ApiRequest request, int status)
        {
            var outcomeUnknown = !request.IsIdempotent && !(status >= 400 && status < 500);
            return new LiveStreamApiException(ApiErrorKind.InvalidResponse, request.Endpoint, status, null,
                $"{VendorName} {request.Endpoint} answered with more than {Settings.MaxResponseBytes / (1024 * 1024)} MiB; " +
                "the answer was not read.")
            {
                OutcomeUnknown = outcomeUnknown,
            };
        }

        private JsonElement ParseJson(ApiRequest request, int status, ArraySegment<byte> body)
        {
            if (body.All(character => character == ' ' || character == '\t' || character == '\r' || character == '\n'))
            {
                return default;
            }

            try
            {
                // Not disposed: the elements handed out read this document, which the garbage collector reclaims with them.
                return JsonDocument.Parse(new ReadOnlyMemory<byte>(body.Array, body.Offset, body.Count)).RootElement;
            }
            catch (JsonException exception)
            {
                // A create answered 2xx did act: its object is looked up rather than the create reported as failed.
                throw new LiveStreamApiException(ApiErrorKind.InvalidResponse, request.Endpoint, status, null,
                    $"{VendorName} {request.Endpoint} answered {status} with a body that is not valid JSON " +
                    $"({DescribeBody(Text(body), request)}).", exception)
                {
                    OutcomeUnknown = !request.IsIdempotent,
                };
            }
        }

        private Exception Failure(ApiRequest request, int status, string body, RetryConditionHeaderValue? retryAfter)
        {
            var vendorMessage = VendorMessage(body, request);
            var kind = KindOf(status);
            var text = $"{VendorName} {request.Endpoint} failed with HTTP {status}" +
                (vendorMessage != null ? ": " + vendorMessage : ".");
            if (!text.EndsWith(".", StringComparison.Ordinal))
            {
                text += ".";
            }

            // 429 and 503 say the server refused before acting, and any other 4xx is a refusal; a 5xx (or a redirect)
            // may come after the vendor acted, so a create answered so has an unknown outcome and is looked up.
            var refusedBeforeActing = status == 429 || status == 503;
            var outcomeUnknown = !request.IsIdempotent && !refusedBeforeActing && !(status >= 400 && status < 500);
            var error = new LiveStreamApiException(kind, request.Endpoint, status, vendorMessage, text)
            {
                OutcomeUnknown = outcomeUnknown,
            };
            var transient = status == 429 || status == 502 || status == 503 || status == 504;
            if (!transient)
            {
                return error;
            }

            return new TransientFailure(error, request.IsIdempotent || refusedBeforeActing, $"HTTP {status}",
                RetryAfterDelay(retryAfter), mayHaveActed: !refusedBeforeActing);
        }

        private static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? retryAfter)
        {
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private TransientFailure Transient(ApiRequest request, ApiErrorKind kind, int? status, string? vendorMessage,
            string reason, Exception inner, bool outcomeUnknown)
        {
            var unknown = outcomeUnknown && !request.IsIdempotent;
            var error = new LiveStreamApiException(kind, request.Endpoint, status, vendorMessage,
                $"{VendorName} {request.Endpoint} failed: {reason} ({BaseUri.GetLeftPart(UriPartial.Authority)})." +
                (unknown ? " The request may have reached the service." : string.Empty), inner)
            {
                OutcomeUnknown = unknown,
                Advice = unknown ? "Check whether it took effect before repeating it." : null,
            };
            return new TransientFailure(error, request.IsIdempotent || !outcomeUnknown, reason, null, outcomeUnknown);
        }

        private static ApiErrorKind KindOf(int status) => status switch
        {
            401 => ApiErrorKind.AuthenticationFailed,
            403 => ApiErrorKind.PermissionDenied,
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            429 => ApiErrorKind.LimitsExceeded,
            _ when status >= 500 => ApiErrorKind.ServerError,
            _ when status >= 400 => ApiErrorKind.InvalidArgument,
            _ => ApiErrorKind.InvalidResponse,
        };

        private string? VendorMessage(string body, ApiRequest request)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var message = MessageOf(document.RootElement);
                return message == null ? null : Truncate(Redact(message, request), 500);
            }
            catch (JsonException)
            {
                return DescribeBody(body, request);
            }
        }

        private static string? MessageOf(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString();
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in new[] { "message", "error", "body" })
            {
                if (element.TryGetProperty(name, out var value))
                {
                    var message = MessageOf(value);
                    if (!string.IsNullOrWhiteSpace(message))
                    {
                        return message;
                    }
                }
            }

            return null;
        }

        private string DescribeBody(string body, ApiRequest request)
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith("<", StringComparison.Ordinal))
            {
                return "an HTML page";
            }

            return "\"" + Truncate(JsonRedaction.Redact(trimmed, text => Redact(text, request)), 200) + "\"";
        }

        private static string Truncate(string text, int length) =>
            text.Length <= length ? text : text.Substring(0, length) + "…";

        private static bool IsConnectionRefused(Exception exception)
        {
            for (var inner = exception; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The failure of a call on a closed connection: NotConnected, whichever exception the closing caused (a
        /// disposed or cancelled HttpClient). <paramref name="inFlight"/> is set when the call had been sent.
        /// </summary>
        private LiveStreamApiException Closed(ApiRequest request, Exception? inFlight)
        {
            var which = ConnectionName ?? $"The {VendorName} connection to {BaseUri.GetLeftPart(UriPartial.Authority)}";
            var mayHaveActed = inFlight != null && !request.IsIdempotent
                ? " The request may have reached the service: check whether it took effect before repeating it."
                : string.Empty;
            return new LiveStreamApiException(ApiErrorKind.NotConnected, request.Endpoint, null, null,
                $"{which} was closed (by Disconnect-LiveStream, or by a newer Connect-LiveStream of the same name) " +
                $"{(inFlight != null ? "while" : "before")} {request.Endpoint} was sent.{mayHaveActed} " +
                LiveStreamApiException.RecommendedAction(ApiErrorKind.NotConnected), inFlight);
        }

        /// <summary>True once the connection that owns this client was closed (Disconnect-LiveStream, or replaced).</summary>
        public bool IsDisposed => _disposed;

        private volatile bool _disposed;

        public void Dispose()
        {
            _disposed = true;
            _http.Dispose();
        }

        private sealed class TransientFailure : Exception
        {
            public TransientFailure(LiveStreamApiException error, bool safeToRepeat, string reason, TimeSpan? retryAfter,
                bool mayHaveActed)
            {
                Error = error;
                MayHaveActed = mayHaveActed;
                SafeToRepeat = safeToRepeat;
                Reason = reason;
                RetryAfter = retryAfter;
            }

            public LiveStreamApiException Error { get; }

            public bool SafeToRepeat { get; }

            public string Reason { get; }

            public TimeSpan? RetryAfter { get; }

            /// <summary>Whether the failed attempt may have reached the service and acted (a timeout, a lost answer, 502/504).</summary>
            public bool MayHaveActed { get; }
        }
    }
}
