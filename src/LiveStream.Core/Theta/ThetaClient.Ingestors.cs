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
        /// <summary>The Edge Ingestors (GET /ingestor/filter), nearest to the caller first, ranked from 1.</summary>
        public Task<IReadOnlyList<EdgeIngestor>> ListIngestorsAsync(CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, "/ingestor/filter"),
                body => (IReadOnlyList<EdgeIngestor>)JsonFields.Items(body, "ingestors")
                    .Select((ingestor, index) => ReadIngestor(ingestor, index + 1, Origin))
                    .ToList(),
                cancellationToken);

        /// <summary>
        /// Selects an Edge Ingestor for a stream of this service account (PUT /ingestor/{id}/select) and returns where
        /// the encoder pushes. The selection lapses after five minutes unless an encoder pushes to it by then.
        /// </summary>
        public Task<IngestorSelection> SelectIngestorAsync(string ingestorId, string streamId,
            CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Put, "/ingestor/{0}/select", ingestorId)
                    .WithBody(new JsonObject { ["tva_stream"] = streamId }),
                body => ReadSelection(body, ingestorId, streamId),
                cancellationToken);

        /// <summary>
        /// Selects the nearest available Edge Ingestor for a stream. When the chosen one is taken by someone else
        /// between the list and the select, the next nearest available one is tried.
        /// </summary>
        public async Task<IngestorSelection> SelectNearestIngestorAsync(string streamId, CancellationToken cancellationToken)
        {
            var tried = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ingestors = await ListIngestorsAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var candidate = ingestors.FirstOrDefault(ingestor => ingestor.IsAvailable && !tried.Contains(ingestor.Id));
                if (candidate == null)
                {
                    throw NoIngestorAvailable(ingestors.Count, tried.Count);
                }

                try
                {
                    return await SelectIngestorAsync(candidate.Id, streamId, cancellationToken).ConfigureAwait(false);
                }
                catch (LiveStreamApiException exception) when (
                    exception.Kind == ApiErrorKind.Conflict || exception.Kind == ApiErrorKind.InvalidArgument)
                {
                    // The vendor does not document its answer for an ingestor taken meanwhile, so a fresh list decides:
                    // if the ingestor is still available, the refusal was about something else and stands.
                    tried.Add(candidate.Id);
                    ingestors = await ListIngestorsAsync(cancellationToken).ConfigureAwait(false);
                    if (ingestors.Any(ingestor => ingestor.IsAvailable && IsSameId(ingestor.Id, candidate.Id)))
                    {
                        throw;
                    }

                    Trace?.Verbose($"{Http.VendorName} Edge Ingestor {candidate.Id} was taken before it could be " +
                        "selected; trying the next nearest available one.");
                }
            }
        }

        /// <summary>Releases an Edge Ingestor selected for one of this service account's streams (PUT /ingestor/{id}/unselect).</summary>
        public Task UnselectIngestorAsync(string ingestorId, CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Put, "/ingestor/{0}/unselect", ingestorId).WithBody(new JsonObject()),
                body => JsonFields.RequireObject(body, "the answer"),
                cancellationToken);

        /// <summary>
        /// The Edge Ingestor selected for a stream, or null when none is. The API has no call for it: the stream shows
        /// its owner the ingest server while an ingestor is selected, and the listed ingestor at that server's address
        /// is the one.
        /// </summary>
        public async Task<EdgeIngestor?> FindSelectedIngestorAsync(string streamId, CancellationToken cancellationToken)
        {
            var stream = await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(stream.IngestUrl))
            {
                return null;
            }

            var host = Uri.TryCreate(stream.IngestUrl, UriKind.Absolute, out var server) ? server.Host : stream.IngestUrl;
            var ingestors = await ListIngestorsAsync(cancellationToken).ConfigureAwait(false);
            return ingestors.FirstOrDefault(ingestor => string.Equals(ingestor.Ip, host, StringComparison.OrdinalIgnoreCase)) ??
                throw new LiveStreamApiException(ApiErrorKind.NotFound, "GET /ingestor/filter", null, null,
                    $"{Http.VendorName} stream {streamId} is served by {stream.IngestUrl}, but no listed Edge Ingestor " +
                    $"has the address {host}.")
                {
                    Advice = "Get-EdgeIngestor lists the Edge Ingestors the service shows.",
                };
        }

        private IngestorSelection ReadSelection(JsonElement body, string ingestorId, string streamId)
        {
            JsonFields.RequireObject(body, "the selection");
            var selectedAt = DateTimeOffset.Now;
            return new IngestorSelection
            {
                IngestUrl = JsonFields.RequiredString(body, "stream_server"),
                StreamKey = JsonFields.RequiredString(body, "stream_key"),
                IngestorId = ingestorId,
                ChannelId = streamId,
                SelectedAt = selectedAt,
                ExpiresAt = selectedAt + IngestorSelection.UnusedLifetime,
                Connection = Origin,
            };
        }

        /// <summary>An ingestor as the vendor lists it; geo is [longitude, latitude].</summary>
        internal static EdgeIngestor ReadIngestor(JsonElement ingestor, int rank, LiveStreamConnection? origin)
        {
            JsonFields.RequireObject(ingestor, "an ingestor");
            var geo = JsonFields.Get(ingestor, "geo");
            if (geo != null && geo.Value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonShapeException("field 'geo' is not a [longitude, latitude] list");
            }

            var coordinates = geo?.EnumerateArray().Select(Coordinate).ToArray() ?? Array.Empty<double?>();
            return new EdgeIngestor
            {
                Id = JsonFields.RequiredString(ingestor, "id"),
                Ip = JsonFields.String(ingestor, "ip"),
                State = JsonFields.String(ingestor, "state"),
                Stakes = JsonFields.Double(ingestor, "stakes"),
                Longitude = coordinates.Length > 0 ? coordinates[0] : null,
                Latitude = coordinates.Length > 1 ? coordinates[1] : null,
                Rank = rank,
                Connection = origin,
            };
        }

        private static double? Coordinate(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Null => null,
            _ => throw new JsonShapeException("field 'geo' holds something other than numbers"),
        };

        private LiveStreamApiException NoIngestorAvailable(int listed, int taken) =>
            new LiveStreamApiException(ApiErrorKind.LimitsExceeded, "GET /ingestor/filter", null, null,
                $"No {Http.VendorName} Edge Ingestor is available: the service lists {listed}, none of them available" +
                (taken > 0 ? $" ({taken} were taken by others while this command tried them)" : string.Empty) + ".")
            {
                Advice = "Wait and try again, or release a selection you no longer need (Disconnect-EdgeIngestor).",
            };

        private static bool IsSameId(string left, string right) =>
            string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }
}
