using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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

        // A secret field's string value in text that is not valid JSON (e.g. an answer cut short), up to its closing quote
        // or the end of the text. Any "stream" string is masked there, as its parent cannot be told.
        private static readonly Regex SecretValueInText = new Regex(
            "(\"(?:" + string.Join("|", SecretFields.Append("stream").Select(Regex.Escape)) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool IsSecretField(string name) => SecretFields.Contains(name);

        // Sigma sessions carry the encoder's publish callback, whose "stream" is the channel's stream key.
        private static bool IsSecretField(string name, string? parent) =>
            IsSecretField(name) || (string.Equals(name, "stream", StringComparison.OrdinalIgnoreCase) &&
                string.Equals(parent, "clientInfo", StringComparison.OrdinalIgnoreCase));

        public static string Redact(string json, Func<string, string> scrub)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                return scrub(SecretValueInText.Replace(json, "$1\"***\""));
            }

            Mask(node, null);
            return scrub(node?.ToJsonString(JsonDefaults.Options) ?? "null");
        }

        private static void Mask(JsonNode? node, string? name)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var property in obj.ToList())
                    {
                        if (IsSecretField(property.Key, name) && property.Value is JsonValue)
                        {
                            obj[property.Key] = "***";
                        }
                        else
                        {
                            Mask(property.Value, property.Key);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Mask(item, name);
                    }

                    break;
            }
        }
    }
}
