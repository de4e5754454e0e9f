using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma.Listing;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// Sigma's list convention: q (a URL-encoded JSON filter: field equality, $and, $or, and $gt/$gte/$lt/$lte/$ne/$in on
/// a field), sort=field|asc or field|desc, page (from 1) and perPage (at most 100), answered as
/// {data, total, count, page, perPage}. A page costs the page when an index answers the filter (equality to a string on
/// an indexed field, alone or in a top-level $and) and the sort follows the order the items were added; other filters
/// and sorts look at every item the index leaves (every item, with none).
/// </summary>
public static class SigmaQuery
{
    public const int MaxPerPage = 100;
    public const int DefaultPerPage = 10;

    public static IResult List<T>(ListSource<T> source, HttpRequest request)
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
        string? field = null;
        var descending = false;
        var sort = request.Query["sort"].ToString();
        if (!string.IsNullOrEmpty(sort))
        {
            var parts = sort.Split('|');
            descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                return SigmaErrors.BadRequest("sort must be field|asc or field|desc");
            }

            field = parts[0];
        }

        var (ordered, reversed) = Select(source, FilterConditions.Of(filter as JsonObject), field, descending);
        var total = ordered.Count;
        var start = (long)(page - 1) * perPage;
        var data = new List<JsonNode>();
        for (var i = start; i < Math.Min(start + perPage, total); i++)
        {
            data.Add(source.Answer(ordered[reversed ? total - 1 - (int)i : (int)i]));
        }

        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. data]),
            ["total"] = total,
            ["count"] = data.Count,
            ["page"] = page,
            ["perPage"] = perPage,
        }, SigmaApi.Json);
    }

    /// <summary>
    /// The matching items in the order asked (read from the end when <c>Reversed</c>). Candidates come from the smallest
    /// index list among the filter's string equalities (else every item), a time range is cut from a list known to be in
    /// time order, and what is left of the filter is checked on each remaining candidate.
    /// </summary>
    private static (IReadOnlyList<T> Items, bool Reversed) Select<T>(ListSource<T> source,
        List<KeyValuePair<string, JsonNode?>> conditions, string? field, bool descending)
    {
        var candidates = source.All;
        var used = -1;
        for (var i = 0; i < conditions.Count; i++)
        {
            if (FilterConditions.IsTextEquality(conditions[i], out var text) &&
                source.Indexed(conditions[i].Key, text) is { } indexed && (used < 0 || indexed.Count < candidates.Count))
            {
                (candidates, used) = (indexed, i);
            }
        }

        var rest = conditions.Where((_, i) => i != used).ToList();
        var knownInOrder = field != null && source.KnownInOrder(candidates, field, strictly: descending);
        foreach (var range in rest.Where(condition => IsRange(condition.Value) && source.CanSeek(candidates, condition.Key)).ToList())
        {
            candidates = Seek(source, candidates, range.Key, (JsonObject)range.Value!);
            rest.Remove(range);
        }

        IReadOnlyList<T> matching = rest.Count == 0
            ? candidates
            : candidates.Where(item => rest.All(condition => Holds(source.View(item), condition.Key, condition.Value))).ToList();
        if (field == null || knownInOrder)
        {
            return (matching, descending);
        }

        var keyed = matching.Select(item => (Item: item, Key: source.View(item)[field])).ToList();
        if (InOrder(keyed.Select(pair => pair.Key).ToList(), strictly: descending))
        {
            return (matching, descending);
        }

        var sorted = descending
            ? keyed.OrderByDescending(pair => pair.Key, NodeComparer.Instance)
            : keyed.OrderBy(pair => pair.Key, NodeComparer.Instance);
        return (sorted.Select(pair => pair.Item).ToList(), false);
    }

    private static bool IsRange(JsonNode? expected) =>
        expected is JsonObject operators && operators.Count > 0 &&
        operators.All(pair => pair.Key is "$gt" or "$gte" or "$lt" or "$lte");

    /// <summary>The part of a list in ascending order of <paramref name="field"/> that a range of it keeps.</summary>
    private static IReadOnlyList<T> Seek<T>(ListSource<T> source, IReadOnlyList<T> items, string field, JsonObject range)
    {
        // The first index whose item holds: items before it do not, items from it on do (the list is in order).
        int First(Func<int, bool> holds)
        {
            var (low, high) = (0, items.Count);
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                (low, high) = holds(middle) ? (low, middle) : (middle + 1, high);
            }

            return low;
        }

        var (from, to) = (0, items.Count);
        foreach (var (op, bound) in range)
        {
            int Order(int index) => NodeComparer.Instance.Compare(source.View(items[index])[field], bound);
            switch (op)
            {
                case "$gte": from = Math.Max(from, First(index => Order(index) >= 0)); break;
                case "$gt": from = Math.Max(from, First(index => Order(index) > 0)); break;
                case "$lt": to = Math.Min(to, First(index => Order(index) >= 0)); break;
                case "$lte": to = Math.Min(to, First(index => Order(index) > 0)); break;
            }
        }

        return new ListSlice<T>(items, from, Math.Max(0, to - from));
    }

    /// <summary>
    /// Whether the keys already stand in ascending order (a store in creation order sorted by createdAt, as most lists
    /// are): then the list needs no sort. With <paramref name="strictly"/>, ties are not allowed (reversing them would
    /// not be the stable sort).
    /// </summary>
    private static bool InOrder(List<JsonNode?> keys, bool strictly)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            var order = NodeComparer.Instance.Compare(keys[i - 1], keys[i]);
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

    public static bool Matches(JsonObject item, JsonNode filter) =>
        filter is JsonObject conditions && conditions.All(condition => Holds(item, condition.Key, condition.Value));

    private static bool Holds(JsonObject item, string key, JsonNode? expected) => key switch
    {
        "$and" => expected is JsonArray all && all.All(part => part != null && Matches(item, part)),
        "$or" => expected is JsonArray any && any.Any(part => part != null && Matches(item, part)),
        _ => FieldMatches(item[key], expected),
    };

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
}
