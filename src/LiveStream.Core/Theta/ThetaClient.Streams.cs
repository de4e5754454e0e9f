using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;

namespace LiveStream.Theta
{
    public sealed partial class ThetaClient
    {
        /// <summary>How the vendor's documented answer to a fourth stream begins (HTTP 400).</summary>
        public const string StreamLimitMessage = "Live stream limit reached";

        /// <summary>
        /// Creates a stream (POST /stream). It starts off, without ingest details. A service account holding its three
        /// streams already gets a LimitsExceeded failure carrying the vendor's message. Through <see cref="CreateOutcome"/>:
        /// a create is never sent twice; streams carry no creation time, so the account's streams are read first (at most
        /// three), and when the answer is lost or cannot be read, the one new stream of that name is the one this call
        /// made (returned with a warning); when none or several can be told apart, the outcome is unknown.
        /// </summary>
        public Task<LiveChannel> CreateStreamAsync(string name, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Create(HttpMethod.Post, "/stream").WithBody(new JsonObject { ["name"] = name });
            return CreateAsync<LiveChannel>("stream", name,
                async token => (await ListStreamsAsync(null, token).ConfigureAwait(false))
                    .Where(stream => stream.Name == name).ToList(),
                stream => stream.Id, stream => null, token => SendCreateAsync(request, token), cancellationToken);
        }

        private async Task<LiveChannel> SendCreateAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            try
            {
                return await CallAsync(request, ReadStream, cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException exception) when (IsStreamLimit(exception))
            {
                // The vendor answers 400, which reads as a bad argument; it is a quota, and the user must act on it as one.
                throw new LiveStreamApiException(ApiErrorKind.LimitsExceeded, exception.Endpoint, exception.StatusCode,
                    exception.VendorMessage,
                    $"{Http.VendorName} {exception.Endpoint} failed with HTTP {exception.StatusCode}: " +
                    $"{exception.VendorMessage}. A Theta service account holds at most 3 streams.", exception);
            }
        }

        /// <summary>
        /// One stream (GET /stream/{id}). Its IngestUrl and StreamKey are set only while an Edge Ingestor is selected
        /// for it: the vendor shows them to the stream's owner.
        /// </summary>
        public Task<LiveChannel> GetStreamAsync(string streamId, CancellationToken cancellationToken) =>
            CallAsync(ApiRequest.Create(HttpMethod.Get, "/stream/{0}", streamId), ReadStream, cancellationToken);

        /// <summary>The streams of this service account, all of them or those with <paramref name="status"/>.</summary>
        public Task<IReadOnlyList<LiveChannel>> ListStreamsAsync(ThetaStreamStatus? status,
            CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, "/service_account/{0}/streams", ServiceAccountId)
                    .WithQuery("status", status?.ToString().ToLowerInvariant()),
                body => (IReadOnlyList<LiveChannel>)JsonFields.Items(body, "streams").Select(ReadStream).ToList(),
                cancellationToken);

        private LiveChannel ReadStream(JsonElement stream) => ReadStream(stream, Origin);

        /// <summary>A stream as a LiveChannel. Older answers' fields (playback_url, fps, ...) are tolerated.</summary>
        internal static LiveChannel ReadStream(JsonElement stream, LiveStreamConnection? origin)
        {
            JsonFields.RequireObject(stream, "the stream");
            return new LiveChannel
            {
                Provider = LiveStreamVendor.Theta,
                Connection = origin,
                Id = JsonFields.RequiredString(stream, "id"),
                Name = JsonFields.String(stream, "name") ?? string.Empty,
                Status = JsonFields.String(stream, "status"),
                UpdatedAt = JsonFields.Date(stream, "update_time"),
                PlaybackUrl = JsonFields.String(stream, "playback_uri") ?? JsonFields.String(stream, "playback_url"),
                PlayerUrl = JsonFields.String(stream, "player_uri"),
                IngestUrl = JsonFields.String(stream, "stream_server"),
                StreamKey = JsonFields.String(stream, "stream_key"),
                Raw = (IDictionary<string, object?>)JsonFields.ToPlain(stream)!,
            };
        }

        private static bool IsStreamLimit(LiveStreamApiException exception) =>
            exception.StatusCode == 400 && exception.VendorMessage != null &&
            exception.VendorMessage.StartsWith(StreamLimitMessage, StringComparison.OrdinalIgnoreCase);
    }
}
