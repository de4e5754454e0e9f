using System.Net.Http;

namespace LiveStream.Http
{
    /// <summary>Puts a vendor's credential headers on a request at the moment it is sent.</summary>
    public interface IRequestAuthenticator
    {
        void Apply(HttpRequestMessage request);

        /// <summary>Replaces every form of the credential's secret in a text (raw, Base64 token) with "***".</summary>
        string Redact(string text);
    }
}
