using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// A q filter as the conditions that must all hold: its top-level fields, with the parts of a top-level $and (when
/// every part is an object) taken as conditions of their own. Each condition is checked as <see cref="SigmaQuery.Matches"/>
/// checks it, so a filter split this way matches exactly what the whole filter matches.
/// </summary>
public static class FilterConditions
{
    public static List<KeyValuePair<string, JsonNode?>> Of(JsonObject? filter)
    {
        var conditions = new List<KeyValuePair<string, JsonNode?>>();
        if (filter != null)
        {
            Add(filter, conditions);
        }

        return conditions;
    }

    /// <summary>A condition of field equality to a string: what an index of the field can answer alone.</summary>
    public static bool IsTextEquality(KeyValuePair<string, JsonNode?> condition, out string text)
    {
        text = string.Empty;
        return !condition.Key.StartsWith('$') && condition.Value is JsonValue value &&
            value.GetValueKind() == JsonValueKind.String && value.TryGetValue(out text!);
    }

    private static void Add(JsonObject filter, List<KeyValuePair<string, JsonNode?>> conditions)
    {
        foreach (var condition in filter)
        {
            if (condition.Key == "$and" && condition.Value is JsonArray parts && parts.All(part => part is JsonObject))
            {
                foreach (var part in parts)
                {
                    Add((JsonObject)part!, conditions);
                }
            }
            else
            {
                conditions.Add(condition);
            }
        }
    }
}
