using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>Orders JSON values: nulls first, numbers by value, everything else by its text.</summary>
public sealed class NodeComparer : IComparer<JsonNode?>
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
