using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using LiveStream.Http;

namespace LiveStream.Sigma
{
    /// <summary>
    /// Sigma: Authorization: Basic base64(username:secret key) and X-App-Id on every call. The Base64 token is made
    /// once, on the first call, and kept as characters in this authenticator (one per connection), which
    /// <see cref="Dispose"/> zeroes when the connection closes; each request gets a string of it only as it is sent.
    /// </summary>
    public sealed class SigmaAuthenticator : IRequestAuthenticator, IDisposable
    {
        private readonly string _appId;
        private readonly string _userName;
        private readonly SecureString _secretKey;
        private readonly object _tokenLock = new object();
        private char[]? _token;
        private bool _disposed;

        public SigmaAuthenticator(string appId, string userName, SecureString secretKey)
        {
            _appId = appId;
            _userName = userName;
            _secretKey = secretKey;
        }

        public void Apply(HttpRequestMessage request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Token());
            request.Headers.Add("X-App-Id", _appId);
        }

        public string Redact(string text)
        {
            var secret = SecretText.Reveal(_secretKey);
            return SecretText.Scrub(text, Token(), secret);
        }

        /// <summary>
        /// Why <paramref name="userName"/> cannot be sent in a Basic token (which ends the user name at the first colon),
        /// or null when it can.
        /// </summary>
        public static string? ProblemWithUserName(string userName) =>
            userName.IndexOf(':') >= 0 ? $"The user name '{userName}' contains a colon, which Basic authentication cannot carry." : null;

        /// <summary>Zeroes the kept token (the connection closed); nothing is kept after it.</summary>
        public void Dispose()
        {
            lock (_tokenLock)
            {
                _disposed = true;
                if (_token != null)
                {
                    Array.Clear(_token, 0, _token.Length);
                    _token = null;
                }
            }
        }

        private string Token()
        {
            lock (_tokenLock)
            {
                if (_disposed)
                {
                    // A closed connection keeps nothing; a message it still masks makes the token afresh.
                    return SecretText.Base64Utf8(_userName + ":" + SecretText.Reveal(_secretKey));
                }

                _token ??= SecretText.Base64Utf8(_userName + ":" + SecretText.Reveal(_secretKey)).ToCharArray();
                return new string(_token);
            }
        }
    }
}
