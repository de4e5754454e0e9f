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

        /// <summary>
        /// Why <paramref name="secret"/> cannot be sent as the x-tva-sa-secret header (which carries printable ASCII
        /// only), or null when it can. The text never contains the secret.
        /// </summary>
        public static string? ProblemWith(SecureString secret)
        {
            var plain = SecretText.Reveal(secret);
            if (plain.Length == 0)
            {
                return "The secret is empty.";
            }

            foreach (var character in plain)
            {
                if (character == '\r' || character == '\n')
                {
                    return "The secret contains a line break.";
                }

                if (character < ' ' || character > '~')
                {
                    return "The secret contains a character that is not printable ASCII.";
                }
            }

            return plain.Trim().Length != plain.Length ? "The secret starts or ends with a space." : null;
        }
    }
}
