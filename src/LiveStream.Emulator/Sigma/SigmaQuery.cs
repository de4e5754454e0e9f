using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// Sigma's list convention: q (a URL-encoded JSON filter: field equality, $and, $or, and $gt/$gte/$lt/$lte/$ne/$in on
/// a field), sort=field|asc or field|desc, page (from 1) and perPage (at most 100), answered as
/// {data, total, count, page, perPage}.
/// </summary>
public static class SigmaQuery
{
    public const int MaxPerPage = 100;
    public const int DefaultPerPage = 10;

    public static IResult List(IEnumerable<JsonObject> items, HttpRequest request)
    {
        JsonNode? filter = null;
        var q = request.Query["q"].ToString();
        if (!string.IsNullOrEmpty(q))
        {
            try
            {
                filter = JsonNode.Parse(q);
            }
            catch (JsonException)
            {
                return SigmaErrors.BadRequest("q must be a JSON object, e.g. {\"channelId\":\"<id>\"}");
            }

            if (filter is not JsonObject)
            {
                return SigmaErrors.BadRequest("q must be a JSON object, e.g. {\"channelId\":\"<id>\"}");
            }
        }

        if (!TryInt(request.Query["page"], 1, out var page) || page < 1)
        {
            return SigmaErrors.BadRequest("page must be a whole number from 1");
        }

        if (!TryInt(request.Query["perPage"], DefaultPerPage, out var perPage) || perPage < 1)
        {
            return SigmaErrors.BadRequest("perPage must be a whole number from 1");
        }

        perPage = Math.Min(perPage, MaxPerPage);
        var matching = items.Where(item => filter == null || Matches(item, filter));
        var sort = request.Query["sort"].ToString();
        if (!string.IsNullOrEmpty(sort))
        {
            var parts = sort.Split('|');
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                return SigmaErrors.BadRequest("sort must be field|asc or field|desc");
            }

            var field = parts[0];
            var filtered = matching.ToList();
            matching = InOrder(filtered, field, strictly: descending)
                ? (descending ? Enumerable.Reverse(filtered) : filtered)
                : descending
                    ? filtered.OrderByDescending(item => item[field], NodeComparer.Instance)
                    : filtered.OrderBy(item => item[field], NodeComparer.Instance);
        }

        var all = matching.ToList();
        var data = all.Skip((page - 1) * perPage).Take(perPage).Select(item => item.DeepClone()).ToArray();
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray(data),
            ["total"] = all.Count,
            ["count"] = data.Length,
            ["page"] = page,
            ["perPage"] = perPage,
        }, SigmaApi.Json);
    }

    /// <summary>
    /// Whether the items already stand in ascending order of <paramref name="field"/> (a store in creation order sorted
    /// by createdAt, as most lists are): then a page needs no sort, which keeps lists of 100,000 events quick.
    /// With <paramref name="strictly"/>, ties are not allowed (reversing them would not be the stable sort).
    /// </summary>
    private static bool InOrder(List<JsonObject> items, string field, bool strictly)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var order = NodeComparer.Instance.Compare(items[i - 1][field], items[i][field]);
            if (order > 0 || (strictly && order == 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    public static bool Matches(JsonObject item, JsonNode filter)
    {
        if (filter is not JsonObject conditions)
        {
            return false;
        }

        foreach (var (key, expected) in conditions)
        {
            var holds = key switch
            {
                "$and" => expected is JsonArray all && all.All(part => part != null && Matches(item, part)),
                "$or" => expected is JsonArray any && any.Any(part => part != null && Matches(item, part)),
                _ => FieldMatches(item[key], expected),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool FieldMatches(JsonNode? actual, JsonNode? expected)
    {
        if (expected is JsonObject operators && operators.Any(pair => pair.Key.StartsWith('$')))
        {
            return operators.All(pair => pair.Key switch
            {
                "$gt" => NodeComparer.Instance.Compare(actual, pair.Value) > 0,
                "$gte" => NodeComparer.Instance.Compare(actual, pair.Value) >= 0,
                "$lt" => NodeComparer.Instance.Compare(actual, pair.Value) < 0,
                "$lte" => NodeComparer.Instance.Compare(actual, pair.Value) <= 0,
                "$ne" => !JsonNode.DeepEquals(actual, pair.Value),
                "$in" => pair.Value is JsonArray options && options.Any(option => JsonNode.DeepEquals(actual, option)),
                _ => false,
            });
        }

        return JsonNode.DeepEquals(actual, expected);
    }

    /// <summary>Orders JSON values: nulls first, numbers by value, everything else by its text.</summary>
    private sealed class NodeComparer : IComparer<JsonNode?>
    {
        public static readonly NodeComparer Instance = new();

        public int Compare(JsonNode? x, JsonNode? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 0 : 1) - (y is null ? 0 : 1);
            }

            if (x is JsonValue xv && y is JsonValue yv && xv.TryGetValue<double>(out var xn) && yv.TryGetValue<double>(out var yn))
            {
                return xn.CompareTo(yn);
            }

            return string.CompareOrdinal(Text(x), Text(y));
        }

        private static string Text(JsonNode node) =>
            node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
    }
}
