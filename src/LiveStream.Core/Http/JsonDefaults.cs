using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiveStream.Http
{
    internal static class JsonDefaults
    {
        /// <summary>Writes non-ASCII text (Vietnamese channel names) as UTF-8 rather than \u escapes.</summary>
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
