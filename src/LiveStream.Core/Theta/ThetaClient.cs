using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Clients;
using LiveStream.Http;

namespace LiveStream.Theta
{
    /// <summary>Typed calls of the Theta EdgeCloud Video API (api.thetavideoapi.com).</summary>
    public sealed partial class ThetaClient : VendorClient
    {
        public static readonly System.Uri DefaultBaseUri = new System.Uri("https://api.thetavideoapi.com/");

        public ThetaClient(VendorHttpClient http, string serviceAccountId, IApiTrace? trace = null)
            : base(http, trace)
        {
            ServiceAccountId = serviceAccountId;
        }

        public string ServiceAccountId { get; }

        /// <summary>One cheap authenticated read (the account's stream list) that proves the credential works.</summary>
        public Task VerifyCredentialAsync(CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, "/service_account/{0}/streams", ServiceAccountId),
                body => JsonFields.RequireObject(body, "the answer"),
                cancellationToken);

        /// <summary>Theta wraps every answer as {"status":"success","body":{...}}.</summary>
        protected override JsonElement Payload(ApiRequest request, ApiResponse response)
        {
            var envelope = JsonFields.RequireObject(response.Body, "the answer");
            var status = JsonFields.String(envelope, "status");
            if (status != "success")
            {
                throw new JsonShapeException($"its envelope status is \"{status ?? "missing"}\", not \"success\"");
            }

            return JsonFields.Get(envelope, "body") ?? throw new JsonShapeException("its envelope has no body");
        }
    }
}
