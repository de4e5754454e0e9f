using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>
    /// Reads each answer's body within its attempt (so the attempt's timeout covers it and a lost answer can be
    /// retried), up to the size cap, and drops a UTF-8 byte order mark. A failure while reading comes out as an
    /// <see cref="AnswerReadException"/> carrying the status; an answer over the cap as InvalidResponse.
    /// </summary>
    internal sealed class AnswerBufferHandler : DelegatingHandler
    {
        private readonly long _maxBytes;

        public AnswerBufferHandler(long maxBytes)
        {
            _maxBytes = maxBytes;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = HttpCall.Of(request);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                var status = (int)response.StatusCode;
                var content = response.Content;
                if (content?.Headers.ContentLength > _maxBytes)
                {
                    throw ApiFailures.TooLarge(call, status, _maxBytes);
                }

                ArraySegment<byte> bytes;
                try
                {
                    bytes = content == null
                        ? new ArraySegment<byte>(Array.Empty<byte>())
                        : await ReadAsync(content, call, status, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException || exception is IOException ||
                    exception is HttpRequestException)
                {
                    throw new AnswerReadException(status, exception);
                }

                content?.Dispose();
                response.Content = new BufferedAnswer(bytes);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private async Task<ArraySegment<byte>> ReadAsync(HttpContent content, HttpCall call, int status, CancellationToken token)
        {
            var declared = content.Headers.ContentLength;
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            byte[] bytes;
            int length;
            if (declared > 0)
            {
                // An answer that states its length is read straight into an array of that size.
                bytes = new byte[declared.Value];
                length = 0;
                int read;
                while (length < bytes.Length &&
                    (read = await stream.ReadAsync(bytes, length, bytes.Length - length, token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
            else
            {
                (bytes, length) = await ReadUndeclaredAsync(stream, call, status, token).ConfigureAwait(false);
            }

            var bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new ArraySegment<byte>(bytes, bom, length - bom);
        }

        /// <summary>
        /// An answer of no stated length (chunked): read through a pooled buffer, then copied into an array of its size,
        /// so that what stays allocated is the answer itself.
        /// </summary>
        private async Task<(byte[] Bytes, int Length)> ReadUndeclaredAsync(Stream stream, HttpCall call, int status,
            CancellationToken token)
        {
            var pool = ArrayPool<byte>.Shared;
            var buffer = pool.Rent(16384);
            try
            {
                var length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > _maxBytes)
                    {
                        throw ApiFailures.TooLarge(call, status, _maxBytes);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = pool.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        pool.Return(buffer);
                        buffer = larger;
                    }
                }

                var bytes = new byte[length];
                Buffer.BlockCopy(buffer, 0, bytes, 0, length);
                return (bytes, length);
            }
            finally
            {
                pool.Return(buffer);
            }
        }
    }
}
