using System;
using System.Text;

namespace LiveStream.Http
{
    internal static class HttpText
    {
        public static string Of(ArraySegment<byte> body) =>
            body.Count == 0 ? string.Empty : Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count);

        public static string Truncate(string text, int length) =>
            text.Length <= length ? text : text.Substring(0, length) + "…";
    }
}
