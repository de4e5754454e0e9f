using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Clients;
using LiveStream.Http;

namespace LiveStream.Sigma
{
    /// <summary>Typed calls of the Sigma Livestream API (api.sigma.video).</summary>
    public sealed partial class SigmaClient : VendorClient
    {
        public static readonly System.Uri DefaultBaseUri = new System.Uri("https://api.sigma.video/");

        public SigmaClient(VendorHttpClient http, IApiTrace? trace = null)
            : base(http, trace)
        {
        }

        /// <summary>One cheap authenticated read (a one-item page of sessions) that proves the credential works.</summary>
        public Task VerifyCredentialAsync(CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, "/api/livestream/sessions")
                    .WithQuery("page", "1")
                    .WithQuery("perPage", "1"),
                body => JsonFields.RequireObject(body, "the answer"),
                cancellationToken);
    }
}
