using System.Text.Json;

namespace LiveStream.Http
{
    /// <summary>A successful answer: its status and its JSON body (Undefined when the body was empty).</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(int statusCode, JsonElement body)
        {
            StatusCode = statusCode;
            Body = body;
        }

        public int StatusCode { get; }

        public JsonElement Body { get; }
    }
}
