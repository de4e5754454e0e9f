using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveStream.Http
{
    /// <summary>Masks the values of secret-bearing fields in a JSON text before it is logged.</summary>
    public static class JsonRedaction
    {
        private static readonly HashSet<string> SecretFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "secretKey", "accessKey", "streamToken", "stream_key", "streamKey", "password", "secret",
            "x-tva-sa-secret", "authorization", "token",
        };

        public static bool IsSecretField(string name) => SecretFields.Contains(name);

        public static string Redact(string json, Func<string, string> scrub)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                return scrub(json);
            }

            Mask(node);
            return scrub(node?.ToJsonString(JsonDefaults.Options) ?? "null");
        }

        private static void Mask(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var property in obj.ToList())
                    {
                        if (IsSecretField(property.Key) && property.Value is JsonValue)
                        {
                            obj[property.Key] = "***";
                        }
                        else
                        {
                            Mask(property.Value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Mask(item);
                    }

                    break;
            }
        }
    }
}
