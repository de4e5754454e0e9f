using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>An answer's body read into memory by <see cref="AnswerBufferHandler"/>, without its UTF-8 byte order mark.</summary>
    internal sealed class BufferedAnswer : HttpContent
    {
        public BufferedAnswer(ArraySegment<byte> bytes)
        {
            Bytes = bytes;
        }

        public ArraySegment<byte> Bytes { get; }

        /// <summary>The body of a response that passed <see cref="AnswerBufferHandler"/> (empty for any other).</summary>
        public static ArraySegment<byte> Of(HttpResponseMessage response) =>
            response.Content is BufferedAnswer answer ? answer.Bytes : new ArraySegment<byte>(Array.Empty<byte>());

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Bytes.Array!, Bytes.Offset, Bytes.Count);

        protected override bool TryComputeLength(out long length)
        {
            length = Bytes.Count;
            return true;
        }
    }
}
