using System.Collections;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// Channels or sessions as the API's own JSON objects, in the order they were added, indexed by id and by the
/// fields named at construction. An indexed field changes through <see cref="Set"/> only (which keeps its index);
/// other fields may be changed on the objects directly. The caller holds the store's lock.
/// </summary>
public sealed class JsonItemList : ListSource<JsonObject>, IEnumerable<JsonObject>
{
    private const string CreatedAt = "createdAt";

    private readonly List<JsonObject> _items = [];
    private readonly Dictionary<JsonObject, long> _sequence = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<JsonObject>>> _indexes;
    private long _added;
    private bool _createdAscending = true;
    private bool _createdStrictly = true;

    public JsonItemList(params string[] indexedFields) =>
        _indexes = indexedFields.ToDictionary(field => field, _ => new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal));

    public int Count => _items.Count;

    public override IReadOnlyList<JsonObject> All => _items;

    /// <summary>The first item added with this id, as long as it is here.</summary>
    public JsonObject? Find(string id) => _byId.GetValueOrDefault(id);

    public void Add(JsonObject item)
    {
        if (_items.Count > 0)
        {
            var order = NodeComparer.Instance.Compare(_items[^1][CreatedAt], item[CreatedAt]);
            _createdAscending &= order <= 0;
            _createdStrictly &= order < 0;
        }

        _items.Add(item);
        _sequence[item] = _added++;
        if (Text(item["id"]) is { } id)
        {
            _byId.TryAdd(id, item);
        }

        foreach (var (field, index) in _indexes)
        {
            if (Text(item[field]) is { } value)
            {
                Bucket(index, value).Add(item);
            }
        }
    }

    public bool Remove(JsonObject item)
    {
        if (!_sequence.Remove(item))
        {
            return false;
        }

        _items.Remove(item);
        foreach (var (field, index) in _indexes)
        {
            if (Text(item[field]) is { } value && index.TryGetValue(value, out var bucket))
            {
                bucket.Remove(item);
            }
        }

        if (Text(item["id"]) is { } id && _byId.TryGetValue(id, out var found) && ReferenceEquals(found, item))
        {
            _byId.Remove(id);
            if (_items.FirstOrDefault(other => Text(other["id"]) == id) is { } next)
            {
                _byId[id] = next;
            }
        }

        return true;
    }

    public int RemoveAll(Func<JsonObject, bool> match)
    {
        var doomed = _items.Where(match).ToList();
        doomed.ForEach(item => Remove(item));
        return doomed.Count;
    }

    /// <summary>Sets a field of an item of this list, moving it between the index's lists when the field has one.</summary>
    public void Set(JsonObject item, string field, JsonNode? value)
    {
        if (!_indexes.TryGetValue(field, out var index) || !_sequence.TryGetValue(item, out var sequence))
        {
            item[field] = value;
            return;
        }

        if (Text(item[field]) is { } old && index.TryGetValue(old, out var from))
        {
            from.Remove(item);
        }

        item[field] = value;
        if (Text(value) is { } text)
        {
            var to = Bucket(index, text);
            to.Insert(PlaceOf(to, sequence), item);
        }
    }

    public override IReadOnlyList<JsonObject>? Indexed(string field, string value) =>
        _indexes.TryGetValue(field, out var index)
            ? index.TryGetValue(value, out var bucket) ? bucket : []
            : null;

    // Every index list is a subsequence of the list's order, and createdAt never changes: what holds for the whole
    // list holds for each of them.
    public override bool KnownInOrder(IReadOnlyList<JsonObject> items, string field, bool strictly) =>
        field == CreatedAt && (strictly ? _createdStrictly : _createdAscending);

    public override JsonObject View(JsonObject item) => item;

    public override JsonObject Answer(JsonObject item) => (JsonObject)item.DeepClone();

    public IEnumerator<JsonObject> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Where an item added as number <paramref name="sequence"/> stands in an index list (binary search).</summary>
    private int PlaceOf(List<JsonObject> bucket, long sequence)
    {
        var (low, high) = (0, bucket.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_sequence[bucket[middle]] < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static List<JsonObject> Bucket(Dictionary<string, List<JsonObject>> index, string value)
    {
        if (!index.TryGetValue(value, out var bucket))
        {
            bucket = [];
            index[value] = bucket;
        }

        return bucket;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
