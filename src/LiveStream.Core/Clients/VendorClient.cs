using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;

namespace LiveStream.Clients
{
    /// <summary>
    /// What the typed vendor clients share: send a request through the connection's HTTP core and read the answer,
    /// turning JSON of the wrong shape into an InvalidResponse that names the endpoint.
    /// </summary>
    public abstract class VendorClient
    {
        protected VendorClient(VendorHttpClient http, IApiTrace? trace)
        {
            Http = http;
            Trace = trace;
        }

        protected VendorHttpClient Http { get; }

        protected IApiTrace? Trace { get; }

        /// <summary>
        /// Creates an object through <see cref="CreateOutcome.CreateAsync{T}"/> on this connection's ledger: never sent
        /// twice, and looked up when the answer is lost or unreadable.
        /// </summary>
        protected Task<T> CreateAsync<T>(string what, string name, Func<CancellationToken, Task<IReadOnlyList<T>>> findByName,
            Func<T, string> idOf, Func<T, DateTimeOffset?> createdAt, Func<CancellationToken, Task<T>> create,
            CancellationToken cancellationToken) =>
            CreateOutcome.CreateAsync(Http.Creates, what, name, Trace, findByName, idOf, createdAt, create, cancellationToken);

        /// <summary>The connection this client speaks for; the objects it returns carry it in their Connection property.</summary>
        public LiveStream.Model.LiveStreamConnection? Origin { get; set; }

        protected async Task<T> CallAsync<T>(ApiRequest request, Func<JsonElement, T> read,
            CancellationToken cancellationToken)
        {
            var response = await Http.SendAsync(request, Trace, cancellationToken).ConfigureAwait(false);
            if (request.StatusIsTheAnswer)
            {
                return read(default);
            }

            try
            {
                return read(Payload(request, response));
            }
            catch (JsonShapeException exception)
            {
                // A create answered 2xx did act, whatever its body says: its object is looked up (OutcomeUnknown).
                throw new LiveStreamApiException(ApiErrorKind.InvalidResponse, request.Endpoint, response.StatusCode, null,
                    $"{Http.VendorName} {request.Endpoint} answered {response.StatusCode}, but {exception.Message}.", exception)
                {
                    OutcomeUnknown = !request.IsIdempotent,
                };
            }
        }

        /// <summary>The part of a successful answer that carries the data (Theta wraps it in an envelope).</summary>
        protected virtual JsonElement Payload(ApiRequest request, ApiResponse response) => response.Body;
    }
}
