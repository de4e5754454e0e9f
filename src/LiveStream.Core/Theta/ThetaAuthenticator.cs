using System.Net.Http;
using System.Security;
using LiveStream.Http;

namespace LiveStream.Theta
{
    /// <summary>Theta: x-tva-sa-id and x-tva-sa-secret headers on every call.</summary>
    public sealed class ThetaAuthenticator : IRequestAuthenticator
    {
        private readonly string _serviceAccountId;
        private readonly SecureString _secret;

        public ThetaAuthenticator(string serviceAccountId, SecureString secret)
        {
            _serviceAccountId = serviceAccountId;
            _secret = secret;
        }

        public void Apply(HttpRequestMessage request)
        {
            request.Headers.Add("x-tva-sa-id", _serviceAccountId);
            request.Headers.Add("x-tva-sa-secret", SecretText.Reveal(_secret));
        }

        public string Redact(string text) => SecretText.Scrub(text, SecretText.Reveal(_secret));
    }
}
