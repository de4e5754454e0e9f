using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using LiveStream.Http;

namespace LiveStream.Sigma
{
    /// <summary>Sigma: Authorization: Basic base64(username:secret key) and X-App-Id on every call.</summary>
    public sealed class SigmaAuthenticator : IRequestAuthenticator
    {
        private readonly string _appId;
        private readonly string _userName;
        private readonly SecureString _secretKey;

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

        private string Token() => SecretText.Base64Utf8(_userName + ":" + SecretText.Reveal(_secretKey));
    }
}
