using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LiveStream.Http;
using LiveStream.Model;

namespace LiveStream.Sigma
{
    /// <summary>Sigma channel JSON read into <see cref="LiveChannel"/>.</summary>
    public sealed partial class SigmaClient
    {
        /// <summary>A channel that is the whole answer: its Raw is read from that answer when first asked for.</summary>
        private LiveChannel ReadChannel(JsonElement json)
        {
            var channel = ReadChannelFields(json);
            if (HasS3Secret(json))
            {
                channel.Raw = RawWithoutS3Secret(json);
            }
            else
            {
                channel.RawJson = json;
            }

            return channel;
        }

        /// <summary>
        /// A channel of a list answer: its Raw is built at once, so that the object does not keep the rest of the page
        /// (other channels' S3 secret keys among it).
        /// </summary>
        private LiveChannel ReadListedChannel(JsonElement json)
        {
            var channel = ReadChannelFields(json);
            channel.Raw = RawWithoutS3Secret(json);
            return channel;
        }

        private LiveChannel ReadChannelFields(JsonElement json)
        {
            JsonFields.RequireObject(json, "the channel");
            var input = JsonFields.Object(json, "input");
            return new LiveChannel
            {
                Id = JsonFields.RequiredString(json, "id"),
                Name = JsonFields.String(json, "name") ?? string.Empty,
                Status = JsonFields.String(json, "status"),
                Description = JsonFields.String(json, "description"),
                Tags = JsonFields.StringArray(json, "tags"),
                Mode = JsonFields.String(json, "mode"),
                Profiles = ReadProfiles(json),
                IngestUrl = input == null ? null : JsonFields.String(input.Value, "rtmpServer"),
                StreamKey = input == null ? null : JsonFields.String(input.Value, "streamToken"),
                PlaybackUrl = JsonFields.String(json, "liveStreamUrl"),
                CurrentSessionId = JsonFields.String(json, "currentSessionId"),
                Catchup = JsonFields.Boolean(json, "catchup") ?? false,
                CatchupDestination = ReadS3Destination(json),
                CreatedAt = JsonFields.Date(json, "createdAt"),
                UpdatedAt = JsonFields.Date(json, "updatedAt"),
                Provider = LiveStreamVendor.Sigma,
                Connection = Origin,
            };
        }

        private static bool HasS3Secret(JsonElement json) =>
            JsonFields.Get(json, "destinationCatchup") is { } catchup && JsonFields.Get(catchup, "s3") is { } s3 &&
            JsonFields.Get(s3, "secretKey") != null;

        /// <summary>Profile names for the documented ids; profiles may come as ids or as objects with an id.</summary>
        private static string[] ReadProfiles(JsonElement json)
        {
            var profiles = JsonFields.Get(json, "transcodeProfile");
            if (profiles == null)
            {
                return System.Array.Empty<string>();
            }

            if (profiles.Value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonShapeException("field 'transcodeProfile' is not a list");
            }

            return profiles.Value.EnumerateArray()
                .Select(profile => profile.ValueKind == JsonValueKind.Object
                    ? JsonFields.String(profile, "id") ?? JsonFields.RequiredString(profile, "name")
                    : profile.ValueKind == JsonValueKind.String
                        ? profile.GetString()!
                        : throw new JsonShapeException("an item of 'transcodeProfile' is neither an id nor an object"))
                .Select(SigmaProfiles.NameOf)
                .ToArray();
        }

        private static LiveS3Destination? ReadS3Destination(JsonElement json)
        {
            var destination = JsonFields.Object(json, "destinationCatchup");
            var s3 = destination == null ? null : JsonFields.Object(destination.Value, "s3");
            if (s3 == null)
            {
                return null;
            }

            var secretKey = JsonFields.String(s3.Value, "secretKey");
            return new LiveS3Destination
            {
                Bucket = JsonFields.String(s3.Value, "bucket") ?? string.Empty,
                Endpoint = JsonFields.String(s3.Value, "endpoint") ?? string.Empty,
                Region = JsonFields.String(s3.Value, "region"),
                AccessKey = JsonFields.String(s3.Value, "accessKey"),
                SecretKey = string.IsNullOrEmpty(secretKey) ? null : SecretText.Protect(secretKey!),
                SegmentPrefix = JsonFields.String(s3.Value, "segmentPrefix"),
            };
        }

        /// <summary>The channel's JSON as plain values, without the S3 secret key should the service echo it.</summary>
        private static IDictionary<string, object?> RawWithoutS3Secret(JsonElement json)
        {
            var raw = (IDictionary<string, object?>)JsonFields.ToPlain(json)!;
            if (raw.TryGetValue("destinationCatchup", out var destination) &&
                destination is IDictionary<string, object?> catchup &&
                catchup.TryGetValue("s3", out var s3) && s3 is IDictionary<string, object?> bucket)
            {
                bucket.Remove("secretKey");
            }

            return raw;
        }
    }
}
