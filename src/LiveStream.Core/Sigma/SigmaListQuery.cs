using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using LiveStream.Http;

namespace LiveStream.Sigma
{
    /// <summary>
    /// Sigma's list convention: q, a JSON filter ({"$and":[{"field":value}, {"field":{"$gte":value}}]}), and
    /// sort=field|asc or field|desc.
    /// </summary>
    public sealed class SigmaListQuery
    {
        private readonly List<JsonObject> _conditions = new List<JsonObject>();

        private bool _andForm;

        public string Sort { get; private set; } = "createdAt|desc";

        /// <summary>Sends even one condition as {"$and":[...]}, the form the document shows for the events list.</summary>
        public SigmaListQuery AsAnd()
        {
            _andForm = true;
            return this;
        }

        public SigmaListQuery Where(string field, string? value)
        {
            if (value != null)
            {
                _conditions.Add(new JsonObject { [field] = value });
            }

            return this;
        }

        public SigmaListQuery Between(string field, DateTimeOffset? from, DateTimeOffset? to)
        {
            var range = new JsonObject();
            if (from.HasValue)
            {
                range["$gte"] = Stamp(from.Value);
            }

            if (to.HasValue)
            {
                range["$lte"] = Stamp(to.Value);
            }

            if (range.Count > 0)
            {
                _conditions.Add(new JsonObject { [field] = range });
            }

            return this;
        }

        public SigmaListQuery SortBy(string field, bool descending)
        {
            Sort = field + (descending ? "|desc" : "|asc");
            return this;
        }

        /// <summary>
        /// The q parameter: null when there is nothing to filter on, the condition itself when there is one
        /// ({"channelId":"..."}) unless <see cref="AsAnd"/> was asked for, else {"$and":[...]}.
        /// </summary>
        public string? Filter => _conditions.Count switch
        {
            0 => null,
            1 when !_andForm => _conditions[0].ToJsonString(JsonDefaults.Options),
            _ => new JsonObject { ["$and"] = new JsonArray(_conditions.Select(condition => (JsonNode)condition.DeepClone()).ToArray()) }
                .ToJsonString(JsonDefaults.Options),
        };

        /// <summary>Sigma's timestamp form: ISO 8601 in UTC with milliseconds.</summary>
        public static string Stamp(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
