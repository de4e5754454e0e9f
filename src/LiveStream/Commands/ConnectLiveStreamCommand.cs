using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using LiveStream.Ids;
using LiveStream.Connections;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;
using LiveStream.Channels;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "LiveStream", DefaultParameterSetName = SigmaSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LiveStreamConnection))]
    public sealed class ConnectLiveStreamCommand : LiveStreamCmdlet
    {
        private const string SigmaSet = "Sigma";
        private const string ThetaSet = "Theta";

        [Parameter(Mandatory = true, ParameterSetName = SigmaSet)]
        public SwitchParameter Sigma { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ThetaSet)]
        public SwitchParameter Theta { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SigmaSet)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 0)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)HttpSettings.DefaultTimeout.TotalSeconds;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = HttpSettings.DefaultMaxRetries;

        [Parameter]
        public SwitchParameter SkipCheck { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var vendor = ParameterSetName == ThetaSet ? LiveStreamVendor.Theta : LiveStreamVendor.Sigma;
            var baseUri = BaseUri ?? VendorProfile.Of(vendor).DefaultBaseUri;
            ValidateBaseUri(baseUri);

            var userName = Credential.UserName?.TrimStart('\\') ?? string.Empty;
            if (string.IsNullOrWhiteSpace(userName))
            {
                ThrowInputError(ErrorIds.InvalidCredential,
                    "The credential has no user name. Sigma: the user name is the Sigma username and the password its " +
                    "secret key. Theta: the user name is the service account id (srvacc_...) and the password its secret.",
                    ErrorCategory.InvalidArgument, null);
            }

            if (vendor == LiveStreamVendor.Theta && !IdForms.Matches(IdKind.ThetaServiceAccount, userName))
            {
                ThrowInputError(ErrorIds.InvalidCredential,
                    $"'{userName}' is not a Theta service account id. Give the service account id (srvacc_ followed by " +
                    "25 letters or digits) as the credential's user name and its secret as the password.",
                    ErrorCategory.InvalidArgument, userName);
            }

            // The secret goes into a header as it is: a line break or a character outside printable ASCII cannot.
            if (vendor == LiveStreamVendor.Theta && ThetaAuthenticator.ProblemWith(Credential.Password) is string secretProblem)
            {
                ThrowInputError(ErrorIds.InvalidCredential,
                    $"{secretProblem} A Theta service account secret is printable ASCII (as the Theta console shows it); " +
                    "copy it again, without line breaks or spaces around it, into the credential's password.",
                    ErrorCategory.InvalidArgument, userName);
            }

            if (vendor == LiveStreamVendor.Sigma && SigmaAuthenticator.ProblemWithUserName(userName) is string userProblem)
            {
                ThrowInputError(ErrorIds.InvalidCredential,
                    $"{userProblem} Give the Sigma username (Sigma console: App management, Credential tab) as the " +
                    "credential's user name and the secret key as its password.",
                    ErrorCategory.InvalidArgument, userName);
            }

            if (vendor == LiveStreamVendor.Sigma && !IdForms.Matches(IdKind.SigmaApp, AppId))
            {
                ThrowInputError(ErrorIds.InvalidId, IdForms.NotAnId(IdKind.SigmaApp, AppId) + " " + IdAdvice.For(IdKind.SigmaApp),
                    ErrorCategory.InvalidArgument, AppId);
            }

            var name = Name ?? vendor.ToString();
            if (!ShouldProcess($"{vendor} account {(vendor == LiveStreamVendor.Sigma ? AppId : userName)} at {baseUri}",
                    $"Connect as '{name}'"))
            {
                return;
            }

            var settings = new HttpSettings
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetries = MaxRetries,
            };
            var connection = vendor == LiveStreamVendor.Sigma
                ? LiveStreamConnection.ForSigma(name, baseUri, AppId, userName, Credential.Password, settings)
                : LiveStreamConnection.ForTheta(name, baseUri, userName, Credential.Password, settings);

            if (!SkipCheck && !CredentialWorks(connection))
            {
                connection.Dispose();
                return;
            }

            ConnectionStore.ForCurrentRunspace().Add(connection);
            WriteVerbose($"Connected to {connection}.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private bool CredentialWorks(LiveStreamConnection connection)
        {
            try
            {
                Await(token => connection.VerifyCredentialAsync(Trace, token));

                return true;
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, connection.Name);
                return false;
            }
        }

        private void ValidateBaseUri(Uri baseUri)
        {
            // Checked first and never echoed: the user info may hold a password.
            if (baseUri.IsAbsoluteUri && !string.IsNullOrEmpty(baseUri.UserInfo))
            {
                var shown = baseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
                ThrowInputError(ErrorIds.InvalidBaseUri,
                    $"The base URI holds a user name or password before its host ({shown} with '...@' left out here). " +
                    "The module never sends it: give the address alone with -BaseUri and the account with -Credential.",
                    ErrorCategory.InvalidArgument, shown);
            }

            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            {
                ThrowInputError(ErrorIds.InvalidBaseUri,
                    $"'{baseUri}' is not an http or https address. Give the vendor's API address, e.g. " +
                    string.Join(" or ", VendorProfile.All.Select(profile => profile.DefaultBaseUri)) + ".",
                    ErrorCategory.InvalidArgument, baseUri);
            }

            if (baseUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUri))
            {
                ThrowInputError(ErrorIds.InsecureBaseUri,
                    $"Refusing to send credentials over plain http to {baseUri.Host}. Use https, or http only to a " +
                    "loopback address (such as the local emulator at http://127.0.0.1).",
                    ErrorCategory.SecurityError, baseUri);
            }
        }

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback)
            {
                return true;
            }

            return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        }
    }
}
