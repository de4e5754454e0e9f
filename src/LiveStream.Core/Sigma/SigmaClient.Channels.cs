using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Sigma
{
    /// <summary>Sigma channels: create, read, list, start, stop and delete (Sigma document sections 2 to 6).</summary>
    public sealed partial class SigmaClient
    {
        private const string ChannelsRoute = "/api/livestream/channels";
        private const string ChannelRoute = "/api/livestream/channels/{0}";

        // netstandard2.0 has no HttpMethod.Patch.
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>The order in which the module lists channels: oldest first, so channels made meanwhile land at the end.</summary>
        public const string ChannelListOrder = "createdAt|asc";

        /// <summary>
        /// POST /api/livestream/channels (the document answers 201 with the channel), through <see cref="CreateOutcome"/>:
        /// the channels of that name are read first; a create is never sent twice, and when its answer is lost or cannot
        /// be read, the one new channel of that name made since the call began is returned with a warning; when none can
        /// be told apart, the error says the outcome is unknown.
        /// </summary>
        public Task<LiveChannel> CreateChannelAsync(string name, ChannelSettings settings, CancellationToken cancellationToken)
        {
            var s3Secret = settings.CatchupDestination?.SecretKey is { } key ? SecretText.Reveal(key) : null;
            var request = ApiRequest.Create(HttpMethod.Post, ChannelsRoute).WithBody(ChannelBody(name, settings))
                .WithSecret(s3Secret);
            return CreateAsync("channel", name, token => ChannelsNamedAsync(name, token), channel => channel.Id,
                channel => channel.CreatedAt, token => CallAsync(request, ReadChannel, token), cancellationToken);
        }

        /// <summary>Every channel named exactly <paramref name="name"/> (Sigma's q filter), newest first.</summary>
        private async Task<IReadOnlyList<LiveChannel>> ChannelsNamedAsync(string name, CancellationToken cancellationToken)
        {
            const int MostPages = 20;
            var q = new SigmaListQuery().Where("name", name).Filter;
            var pages = new Pageable<LiveChannel>(MaxPerPage, (number, perPage, token) =>
                ListChannelsAsync(q, "createdAt|desc", number, perPage, token)).Read();
            var channels = new List<LiveChannel>();
            for (var read = 0; read < MostPages && await pages.NextAsync(cancellationToken).ConfigureAwait(false) is { } page; read++)
            {
                channels.AddRange(page.Items);
            }

            return channels;
        }

        public Task<LiveChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
            CallAsync(ApiRequest.Create(HttpMethod.Get, ChannelRoute, channelId), ReadChannel, cancellationToken);

        /// <summary>
        /// One page of GET /api/livestream/channels. The list call is not in the Sigma document; it follows the
        /// convention of the documented session and event lists.
        /// </summary>
        public Task<Page<LiveChannel>> ListChannelsAsync(string? q, string? sort, int page, int perPage,
            CancellationToken cancellationToken) =>
            ListPageAsync(ChannelsRoute, q, sort, page, perPage, ReadListedChannel, cancellationToken);

        /// <summary>
        /// PATCH .../start: the channel goes active and waits for the encoder. Desired-state: when the call fails in any
        /// way that may mean "already active" (a 409, a lost or unreadable answer, a refused repeat), the channel is read
        /// back, and an active channel is success.
        /// </summary>
        public Task<ChangeOutcome> StartChannelAsync(string channelId, CancellationToken cancellationToken) =>
            ChangeAsync(ApiRequest.Create(Patch, ChannelRoute + "/start", channelId), channelId, IsActive, cancellationToken);

        /// <summary>DELETE .../stop: the channel stops; a running session ends. Desired-state as start: a channel that is not active is success.</summary>
        public Task<ChangeOutcome> StopChannelAsync(string channelId, CancellationToken cancellationToken) =>
            ChangeAsync(ApiRequest.Create(HttpMethod.Delete, ChannelRoute + "/stop", channelId), channelId,
                channel => !IsActive(channel), cancellationToken);

        /// <summary>
        /// DELETE /api/livestream/channels/{id}. The document's sample for this call is a copy of the session list; the
        /// module uses the REST form of the rest of the API. A 404 to a repeat of a delete whose answer was lost, and a
        /// lost or unreadable answer after which the channel is gone, are success (Confirmed); a plain 404 stays NotFound.
        /// </summary>
        public async Task<ChangeOutcome> DeleteChannelAsync(string channelId, CancellationToken cancellationToken)
        {
            try
            {
                await CallAsync(ApiRequest.Create(HttpMethod.Delete, ChannelRoute, channelId).WithStatusAsAnswer(), IgnoreBody,
                    cancellationToken).ConfigureAwait(false);
                return ChangeOutcome.Made;
            }
            catch (LiveStreamApiException failure) when (failure.Kind == ApiErrorKind.NotFound)
            {
                if (failure.EarlierAttemptMayHaveActed)
                {
                    Trace?.Verbose($"{Http.VendorName} channel {channelId}: the answer to its delete was lost and the " +
                        "repeat found it gone; it is removed.");
                    return ChangeOutcome.Confirmed;
                }

                throw;
            }
            catch (LiveStreamApiException failure) when (MayHaveBeenDone(failure))
            {
                try
                {
                    await GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
                }
                catch (LiveStreamApiException gone) when (gone.Kind == ApiErrorKind.NotFound)
                {
                    Trace?.Verbose($"{Http.VendorName} channel {channelId}: its delete ended in {failure.Kind}, but it is " +
                        "gone; it is removed.");
                    return ChangeOutcome.Confirmed;
                }
                catch (LiveStreamApiException)
                {
                    // The read-back failed as well: the delete's own failure is the one to report.
                }

                throw;
            }
        }

        /// <summary>
        /// Sends a start or stop; when it fails in a way that may mean the channel is in the wanted state already, reads
        /// the channel and returns success if <paramref name="wanted"/> holds.
        /// </summary>
        private async Task<ChangeOutcome> ChangeAsync(ApiRequest request, string channelId, Func<LiveChannel, bool> wanted,
            CancellationToken cancellationToken)
        {
            try
            {
                await CallAsync(request.WithStatusAsAnswer(), IgnoreBody, cancellationToken).ConfigureAwait(false);
                return ChangeOutcome.Made;
            }
            catch (LiveStreamApiException failure) when (MayHaveBeenDone(failure))
            {
                LiveChannel channel;
                try
                {
                    channel = await GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
                }
                catch (LiveStreamApiException)
                {
                    throw failure;
                }

                if (!wanted(channel))
                {
                    throw failure;
                }

                var refusedAsAlreadySo = failure.Kind == ApiErrorKind.Conflict || failure.Kind == ApiErrorKind.InvalidArgument;
                return refusedAsAlreadySo && !failure.EarlierAttemptMayHaveActed ? ChangeOutcome.AlreadySo : ChangeOutcome.Confirmed;
            }
        }

        /// <summary>A failure after which the change may be done anyway: not a credential, permission or missing-object refusal.</summary>
        private static bool MayHaveBeenDone(LiveStreamApiException failure) =>
            failure.Kind != ApiErrorKind.AuthenticationFailed && failure.Kind != ApiErrorKind.PermissionDenied &&
            failure.Kind != ApiErrorKind.NotFound;

        private static bool IsActive(LiveChannel channel) =>
            string.Equals(channel.Status, "active", StringComparison.OrdinalIgnoreCase);

        private static bool IgnoreBody(JsonElement body) => true;

        /// <summary>The create body in the document's field order. The S3 secret key is revealed only here, as it is sent.</summary>
        /// <summary>The create body of the Sigma document's sample: a transcode channel; unset settings take its defaults.</summary>
        private static JsonObject ChannelBody(string name, ChannelSettings spec)
        {
            var body = new JsonObject
            {
                ["name"] = name,
                ["description"] = spec.Description,
                ["tags"] = StringList(spec.Tags),
                ["transcodeProfile"] = StringList(spec.ProfileIds ?? SigmaProfiles.DefaultIds),
                ["type"] = "transcode",
                ["mode"] = spec.Mode ?? SigmaModes.UltraLowLatency,
                ["stopTimeout"] = spec.StopTimeout,
                ["catchup"] = spec.CatchupDestination != null,
                ["record"] = spec.Record,
                ["outputFormat"] = spec.OutputFormat,
            };
            if (spec.MachineId != null)
            {
                body["machine"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["machineId"] = spec.MachineId,
                    ["machineType"] = "SIGMA_MACHINE",
                };
            }

            if (spec.CatchupDestination is { } s3)
            {
                body["destinationCatchup"] = new JsonObject
                {
                    ["type"] = "s3",
                    ["s3"] = new JsonObject
                    {
                        ["accessKey"] = s3.AccessKey,
                        ["bucket"] = s3.Bucket,
                        ["endpoint"] = s3.Endpoint,
                        ["secretKey"] = s3.SecretKey == null ? null : SecretText.Reveal(s3.SecretKey),
                        ["region"] = s3.Region,
                        ["segmentPrefix"] = s3.SegmentPrefix,
                    },
                };
            }

            return body;
        }

        private static JsonArray StringList(IEnumerable<string> values) =>
            new JsonArray(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
    }
}
