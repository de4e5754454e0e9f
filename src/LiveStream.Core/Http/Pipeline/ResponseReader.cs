using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace LiveStream.Http
{
    /// <summary>
    /// Turns the final answer of a call into an <see cref="ApiResponse"/> (2xx: its JSON, parsed into a document that
    /// is disposed at once; the element handed out is a clone that owns its memory) or into the error its status
    /// means, with the vendor's own message (redacted, at most 500 characters).
    /// </summary>
    internal static class ResponseReader
    {
        public static ApiResponse Read(HttpResponseMessage response, HttpCall call)
        {
            var status = (int)response.StatusCode;
            var body = BufferedAnswer.Of(response);
            if (status >= 200 && status < 300)
            {
                return new ApiResponse(status, call.Request.StatusIsTheAnswer ? default : ParseJson(call, status, body));
            }

            throw ApiFailures.Status(call, status, VendorMessage(HttpText.Of(body), call));
        }

        private static JsonElement ParseJson(HttpCall call, int status, ArraySegment<byte> body)
        {
            if (body.All(character => character == ' ' || character == '\t' || character == '\r' || character == '\n'))
            {
                return default;
            }

            try
            {
                using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(body.Array, body.Offset, body.Count));
                return document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw ApiFailures.NotJson(call, status, DescribeBody(HttpText.Of(body), call), exception);
            }
        }

        private static string? VendorMessage(string body, HttpCall call)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var message = MessageOf(document.RootElement);
                return message == null ? null : HttpText.Truncate(call.Redact(message), 500);
            }
            catch (JsonException)
            {
                return DescribeBody(body, call);
            }
        }

        private static string? MessageOf(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString();
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in new[] { "message", "error", "body" })
            {
                if (element.TryGetProperty(name, out var value))
                {
                    var message = MessageOf(value);
                    if (!string.IsNullOrWhiteSpace(message))
                    {
                        return message;
                    }
                }
            }

            return null;
        }

        private static string DescribeBody(string body, HttpCall call)
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith("<", StringComparison.Ordinal))
            {
                return "an HTML page";
            }

            return "\"" + HttpText.Truncate(JsonRedaction.Redact(trimmed, call.Redact), 200) + "\"";
        }
    }
}
