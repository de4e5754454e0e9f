using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace LiveStream.Http
{
    /// <summary>
    /// Tolerant reading of vendor JSON: a missing or null field reads as null; a field of the wrong type is a
    /// <see cref="JsonShapeException"/>, which the clients report as an InvalidResponse naming the endpoint.
    /// </summary>
    public static class JsonFields
    {
        public static JsonElement? Get(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) ||
                value.ValueKind == JsonValueKind.Null || value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            return value;
        }

        public static JsonElement RequireObject(JsonElement element, string what)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new JsonShapeException($"{what} is {Describe(element)}, not a JSON object");
            }

            return element;
        }

        public static string? String(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value == null)
            {
                return null;
            }

            return value.Value.ValueKind switch
            {
                JsonValueKind.String => value.Value.GetString(),
                JsonValueKind.Number => value.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not a string"),
            };
        }

        public static string RequiredString(JsonElement element, string name)
        {
            var value = String(element, name);
            if (string.IsNullOrEmpty(value))
            {
                throw new JsonShapeException($"field '{name}' is missing");
            }

            return value!;
        }

        public static long? Int64(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value == null)
            {
                return null;
            }

            if (value.Value.ValueKind == JsonValueKind.Number)
            {
                return value.Value.TryGetInt64(out var whole)
                    ? whole
                    : throw new JsonShapeException($"field '{name}' is not a whole number");
            }

            if (value.Value.ValueKind == JsonValueKind.String &&
                long.TryParse(value.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not a number");
        }

        public static double? Double(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value == null)
            {
                return null;
            }

            if (value.Value.ValueKind == JsonValueKind.Number)
            {
                return value.Value.GetDouble();
            }

            if (value.Value.ValueKind == JsonValueKind.String &&
                double.TryParse(value.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not a number");
        }

        public static bool? Boolean(JsonElement element, string name)
        {
            var value = Get(element, name);
            return value?.ValueKind switch
            {
                null => null,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not true or false"),
            };
        }

        public static DateTimeOffset? Date(JsonElement element, string name)
        {
            var text = String(element, name);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return parsed;
            }

            throw new JsonShapeException($"field '{name}' is \"{text}\", not a date");
        }

        public static string[] StringArray(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value == null)
            {
                return System.Array.Empty<string>();
            }

            if (value.Value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not a list");
            }

            return value.Value.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())
                .ToArray();
        }

        public static JsonElement? Object(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value != null && value.Value.ValueKind != JsonValueKind.Object)
            {
                throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not an object");
            }

            return value;
        }

        public static IEnumerable<JsonElement> Items(JsonElement element, string name)
        {
            var value = Get(element, name);
            if (value == null)
            {
                throw new JsonShapeException($"field '{name}' is missing");
            }

            if (value.Value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonShapeException($"field '{name}' is {Describe(value.Value)}, not a list");
            }

            return value.Value.EnumerateArray();
        }

        /// <summary>
        /// The JSON as plain .NET values (case-insensitive dictionaries, object arrays, strings, numbers, booleans), so
        /// PowerShell users can reach any field with dot notation without a JSON library.
        /// </summary>
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var dictionary = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                    {
                        dictionary[property.Name] = ToPlain(property.Value);
                    }

                    return dictionary;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(ToPlain).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "empty",
        };
    }

    /// <summary>The vendor's JSON does not have the shape its documents promise.</summary>
    public sealed class JsonShapeException : Exception
    {
        public JsonShapeException(string message)
            : base(message)
        {
        }
    }
}
