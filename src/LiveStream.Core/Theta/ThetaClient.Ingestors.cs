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
        public async Task<IngestorSelection> SelectIngestorAsync(string ingestorId, string streamId,
            CancellationToken cancellationToken)
        {
            try
            {
                return await CallAsync(
                    ApiRequest.Create(HttpMethod.Put, "/ingestor/{0}/select", ingestorId)
                        .WithBody(new JsonObject { ["tva_stream"] = streamId }),
                    body => ReadSelection(body, ingestorId, streamId),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException exception) when (
                (exception.Kind == ApiErrorKind.Conflict || exception.Kind == ApiErrorKind.InvalidArgument) &&
                exception.EarlierAttemptMayHaveActed)
            {
                // A repeat of a select whose answer was lost meets the selection that select made.
                return await SelectionMadeAsync(streamId, ingestorId, cancellationToken).ConfigureAwait(false) ??
                    throw exception;
            }
        }

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

        /// <summary>
        /// Releases an Edge Ingestor selected for one of this service account's streams (PUT /ingestor/{id}/unselect),
        /// desired-state: an ingestor refused as "not selected" (409) is released already, whether a lost answer's repeat
        /// or a selection that lapsed.
        /// </summary>
        public async Task UnselectIngestorAsync(string ingestorId, CancellationToken cancellationToken)
        {
            try
            {
                await CallAsync(
                    ApiRequest.Create(HttpMethod.Put, "/ingestor/{0}/unselect", ingestorId).WithBody(new JsonObject())
                        .WithStatusAsAnswer(),
                    body => true,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (LiveStreamApiException exception) when (exception.Kind == ApiErrorKind.Conflict)
            {
                Trace?.Verbose(exception.EarlierAttemptMayHaveActed
                    ? $"{Http.VendorName} Edge Ingestor {ingestorId}: the answer to its release was lost and the repeat " +
                      "found it released."
                    : $"{Http.VendorName} Edge Ingestor {ingestorId} is not selected (released already, or its selection " +
                      "lapsed): nothing to release.");
            }
        }

        /// <summary>The selection of <paramref name="ingestorId"/> for the stream, read from the stream, when it has that one.</summary>
        private async Task<IngestorSelection?> SelectionMadeAsync(string streamId, string ingestorId,
            CancellationToken cancellationToken)
        {
            try
            {
                var selected = await FindSelectedIngestorAsync(streamId, cancellationToken).ConfigureAwait(false);
                if (selected == null || !IsSameId(selected.Id, ingestorId))
                {
                    return null;
                }

                var stream = await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false);
                var selectedAt = DateTimeOffset.Now;
                Trace?.Verbose($"{Http.VendorName} Edge Ingestor {ingestorId}: the answer to its select was lost and the " +
                    $"repeat was refused; {streamId} has it selected.");
                return new IngestorSelection
                {
                    IngestUrl = stream.IngestUrl ?? string.Empty,
                    StreamKey = stream.StreamKey ?? string.Empty,
                    IngestorId = selected.Id,
                    ChannelId = streamId,
                    SelectedAt = selectedAt,
                    ExpiresAt = selectedAt + IngestorSelection.UnusedLifetime,
                    Connection = Origin,
                };
            }
            catch (LiveStreamApiException)
            {
                return null;
            }
        }

        /// <summary>
        /// The Edge Ingestor selected for a stream, or null when none is. The API has no call for it: the stream shows
        /// its owner the ingest server while an ingestor is selected, and the listed ingestor at that server's address
        /// is the one.
        /// </summary>
        public async Task<EdgeIngestor?> FindSelectedIngestorAsync(string streamId, CancellationToken cancellationToken)
        {
            var stream = await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(stream.IngestUrl)
                ? null
                : await IngestorAtAsync(streamId, stream.IngestUrl!, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The selection a stream has now (its ingest server, stream key and ingestor), or null when it has none. The
        /// vendor does not say when it was made, so SelectedAt and ExpiresAt are null.
        /// </summary>
        public async Task<IngestorSelection?> FindSelectionAsync(string streamId, CancellationToken cancellationToken)
        {
            var stream = await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(stream.IngestUrl))
            {
                return null;
            }

            var ingestor = await IngestorAtAsync(streamId, stream.IngestUrl!, cancellationToken).ConfigureAwait(false);
            return new IngestorSelection
            {
                IngestUrl = stream.IngestUrl!,
                StreamKey = stream.StreamKey ?? string.Empty,
                IngestorId = ingestor.Id,
                ChannelId = streamId,
                Connection = Origin,
            };
        }

        private async Task<EdgeIngestor> IngestorAtAsync(string streamId, string ingestUrl, CancellationToken cancellationToken)
        {
            var host = Uri.TryCreate(ingestUrl, UriKind.Absolute, out var server) ? server.Host : ingestUrl;
            var ingestors = await ListIngestorsAsync(cancellationToken).ConfigureAwait(false);
            return ingestors.FirstOrDefault(ingestor => string.Equals(ingestor.Ip, host, StringComparison.OrdinalIgnoreCase)) ??
                throw new LiveStreamApiException(ApiErrorKind.NotFound, "GET /ingestor/filter", null, null,
                    $"{Http.VendorName} stream {streamId} is served by {ingestUrl}, but no listed Edge Ingestor " +
                    $"has the address {host}.");
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
                (taken > 0 ? $" ({taken} were taken by others while they were tried)" : string.Empty) + ".");

        private static bool IsSameId(string left, string right) =>
            string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }
}
