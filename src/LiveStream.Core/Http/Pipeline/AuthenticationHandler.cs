using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LiveStream.Http
{
    /// <summary>Puts the connection's credential on each attempt as it is sent, so no earlier handler sees it.</summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        private readonly IRequestAuthenticator _authenticator;

        public AuthenticationHandler(IRequestAuthenticator authenticator)
        {
            _authenticator = authenticator;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _authenticator.Apply(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
