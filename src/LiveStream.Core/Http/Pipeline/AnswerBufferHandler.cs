using System;
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
                // The usual answer says its length: read it straight into an array of that size.
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
                using var buffer = new MemoryStream(4096);
                var chunk = new byte[4096];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _maxBytes)
                    {
                        throw ApiFailures.TooLarge(call, status, _maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }

                bytes = buffer.GetBuffer();
                length = (int)buffer.Length;
            }

            var bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new ArraySegment<byte>(bytes, bom, length - bom);
        }
    }
}
