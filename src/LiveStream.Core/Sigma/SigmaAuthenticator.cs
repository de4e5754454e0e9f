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

        private string Token() => SecretText.Base64Utf8(_userName + ":" + SecretText.Reveal(_secretKey));
    }
}
