using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
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

        /// <summary>The connection this client speaks for; the objects it returns carry it in their Connection property.</summary>
        public LiveStream.Model.LiveStreamConnection? Origin { get; set; }

        protected async Task<T> CallAsync<T>(ApiRequest request, Func<JsonElement, T> read,
            CancellationToken cancellationToken)
        {
            var response = await Http.SendAsync(request, Trace, cancellationToken).ConfigureAwait(false);
            try
            {
                return read(Payload(request, response));
            }
            catch (JsonShapeException exception)
            {
                throw new LiveStreamApiException(ApiErrorKind.InvalidResponse, request.Endpoint, response.StatusCode, null,
                    $"{Http.VendorName} {request.Endpoint} answered {response.StatusCode}, but {exception.Message}.", exception);
            }
        }

        /// <summary>The part of a successful answer that carries the data (Theta wraps it in an envelope).</summary>
        protected virtual JsonElement Payload(ApiRequest request, ApiResponse response) => response.Body;
    }
}
