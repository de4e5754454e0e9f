using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Sigma
{
    public sealed partial class SigmaClient
    {
        public Task<Page<LiveSession>> ListSessionsAsync(SigmaListQuery query, int page, int perPage,
            CancellationToken cancellationToken) =>
            ListPageAsync("/api/livestream/sessions", query.Filter, query.Sort, page, perPage, ReadSession, cancellationToken);

        /// <summary>
        /// The newest session <paramref name="query"/> finds, or null. The API has no call for one session, so this is a
        /// one-item page of the list (e.g. <c>new SigmaListQuery().Where("id", sessionId)</c>).
        /// </summary>
        public async Task<LiveSession?> FindSessionAsync(SigmaListQuery query, CancellationToken cancellationToken)
        {
            var page = await ListSessionsAsync(query.SortBy("createdAt", descending: true), 1, 1, cancellationToken)
                .ConfigureAwait(false);
            return page.Items.Count == 0 ? null : page.Items[0];
        }

        public Task<LiveSessionStatus> GetSessionStatusAsync(string sessionId, CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, "/api/livestream/sessions/{0}/status", sessionId),
                body => new LiveSessionStatus(sessionId, JsonFields.RequiredString(JsonFields.RequireObject(body, "the answer"), "status"))
                {
                    Connection = Origin,
                },
                cancellationToken);

        public Task<Page<LiveSessionEvent>> ListEventsAsync(SigmaListQuery query, int page, int perPage,
            CancellationToken cancellationToken) =>
            ListPageAsync("/api/livestream/events", query.Filter, query.Sort, page, perPage, ReadEvent, cancellationToken);

        private LiveSession ReadSession(JsonElement json)
        {
            JsonFields.RequireObject(json, "a session");
            var session = new LiveSession
            {
                Id = JsonFields.RequiredString(json, "id"),
                Name = JsonFields.String(json, "name"),
                Status = JsonFields.String(json, "status"),
                ChannelId = JsonFields.String(json, "channelId"),
                CreatedAt = JsonFields.Date(json, "createdAt"),
                StartedAt = JsonFields.Date(json, "startedAt"),
                FinishedAt = JsonFields.Date(json, "finishedAt"),
                RecordUrls = JsonFields.StringArray(json, "recordUrls"),
                Connection = Origin,
                Raw = (System.Collections.Generic.IDictionary<string, object?>)JsonFields.ToPlain(json)!,
            };
            var seconds = JsonFields.Double(json, "duration");
            session.Duration = seconds.HasValue ? TimeSpan.FromSeconds(seconds.Value) : (TimeSpan?)null;
            var client = JsonFields.Object(json, "clientInfo");
            session.ClientIp = client.HasValue ? JsonFields.String(client.Value, "ip") : null;
            var channel = JsonFields.Object(json, "channel");
            if (channel.HasValue && JsonFields.Boolean(channel.Value, "catchup") != false)
            {
                session.CatchupUrl = SigmaCatchup.PlaylistUrl(ReadS3Destination(channel.Value), session.Id);
            }

            return session;
        }

        private LiveSessionEvent ReadEvent(JsonElement json)
        {
            JsonFields.RequireObject(json, "an event");
            return new LiveSessionEvent
            {
                Id = JsonFields.RequiredString(json, "id"),
                SessionId = JsonFields.String(json, "sessionId"),
                Time = JsonFields.Date(json, "createdAt"),
                Action = JsonFields.String(json, "action"),
                Actor = JsonFields.String(json, "actor"),
                Message = JsonFields.String(json, "message"),
                Connection = Origin,
                Raw = (System.Collections.Generic.IDictionary<string, object?>)JsonFields.ToPlain(json)!,
            };
        }
    }
}
