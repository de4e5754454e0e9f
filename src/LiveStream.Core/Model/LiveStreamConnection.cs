using System;
using System.Security;
using LiveStream.Channels;
using LiveStream.Http;
using LiveStream.Ingestors;
using LiveStream.Sessions;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Model
{
    /// <summary>
    /// A named, authenticated connection to one vendor account. The secret lives only inside the HTTP core's
    /// authenticator as a SecureString: no property, ToString() or serializer can reach it. It owns its HTTP core:
    /// disposing it (a disconnect, or a newer connection of the same name) closes that for every caller.
    /// </summary>
    public sealed class LiveStreamConnection : IDisposable
    {
        internal LiveStreamConnection(string name, LiveStreamVendor vendor, string accountId, string userName,
            VendorHttpClient http)
        {
            Name = name;
            Vendor = vendor;
            AccountId = accountId;
            UserName = userName;
            Http = http;
            ConnectedAt = DateTimeOffset.Now;
            http.ConnectionName = ToString();
        }

        public string Name { get; }

        /// <summary>The vendor; PowerShell shows it as text (LiveStream.types.ps1xml), so that it serializes as its name.</summary>
        internal LiveStreamVendor Vendor { get; }

        public Uri BaseUri => Http.BaseUri;

        /// <summary>Sigma: the App ID. Theta: the service account id (srvacc_...).</summary>
        public string AccountId { get; }

        /// <summary>Sigma: the credential's username. Theta: the service account id.</summary>
        public string UserName { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Seconds one attempt of a call may take.</summary>
        public int TimeoutSec => (int)Http.Settings.Timeout.TotalSeconds;

        public int MaxRetries => Http.Settings.MaxRetries;

        internal VendorHttpClient Http { get; }

        /// <summary>False once it was disposed (disconnected, or replaced by a newer connection of the same name).</summary>
        internal bool IsOpen => !Http.IsDisposed;

        /// <summary>Closes the connection: calls through it, sent or not, fail as NotConnected. Repeating it does nothing.</summary>
        public void Dispose() => Http.Dispose();

        internal static LiveStreamConnection ForSigma(string name, Uri baseUri, string appId, string userName,
            SecureString secretKey, HttpSettings settings) =>
            new LiveStreamConnection(name, LiveStreamVendor.Sigma, appId, userName,
                new VendorHttpClient("Sigma", baseUri, new SigmaAuthenticator(appId, userName, secretKey), settings));

        internal static LiveStreamConnection ForTheta(string name, Uri baseUri, string serviceAccountId,
            SecureString secret, HttpSettings settings) =>
            new LiveStreamConnection(name, LiveStreamVendor.Theta, serviceAccountId, serviceAccountId,
                new VendorHttpClient("Theta", baseUri, new ThetaAuthenticator(serviceAccountId, secret), settings));

        /// <summary>What the module knows of this connection's vendor: its channel id form, statuses and features.</summary>
        internal VendorProfile Profile => VendorProfile.Of(Vendor);

        /// <summary>This connection's channels behind the vendor-neutral contract; <paramref name="trace"/> hears the calls.</summary>
        internal IChannelService Channels(IApiTrace? trace) => Vendor == LiveStreamVendor.Theta
            ? new ThetaChannelService(CreateThetaClient(trace))
            : (IChannelService)new SigmaChannelService(CreateSigmaClient(trace));

        /// <summary>This connection's sessions; only for a vendor with <see cref="ChannelFeatures.Sessions"/>.</summary>
        internal ISessionService Sessions(IApiTrace? trace) => Profile.Supports(ChannelFeatures.Sessions)
            ? new SigmaSessionService(CreateSigmaClient(trace))
            : throw new NotSupportedException(Profile.WhyNot(ChannelFeatures.Sessions));

        /// <summary>This connection's Edge Ingestors; only for a vendor with <see cref="ChannelFeatures.EdgeIngestors"/>.</summary>
        internal IEdgeIngestorService Ingestors(IApiTrace? trace) => Profile.Supports(ChannelFeatures.EdgeIngestors)
            ? new ThetaIngestorService(CreateThetaClient(trace))
            : throw new NotSupportedException(Profile.WhyNot(ChannelFeatures.EdgeIngestors));

        /// <summary>One cheap authenticated read that proves the credential works.</summary>
        internal System.Threading.Tasks.Task VerifyCredentialAsync(IApiTrace? trace, System.Threading.CancellationToken cancellationToken) =>
            Vendor == LiveStreamVendor.Theta
                ? CreateThetaClient(trace).VerifyCredentialAsync(cancellationToken)
                : CreateSigmaClient(trace).VerifyCredentialAsync(cancellationToken);

        internal SigmaClient CreateSigmaClient(IApiTrace? trace) => new SigmaClient(Http, trace) { Origin = this };

        internal ThetaClient CreateThetaClient(IApiTrace? trace) => new ThetaClient(Http, AccountId, trace) { Origin = this };

        /// <summary>True when both connections reach the same vendor account at the same address.</summary>
        internal bool IsSameAccount(LiveStreamConnection other) =>
            Vendor == other.Vendor && string.Equals(AccountId, other.AccountId, StringComparison.OrdinalIgnoreCase) &&
            Uri.Compare(BaseUri, other.BaseUri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped,
                StringComparison.OrdinalIgnoreCase) == 0;

        public override string ToString() => $"{Vendor} connection '{Name}' ({BaseUri})";
    }
}
