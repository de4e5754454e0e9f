using System.Management.Automation;
using System.Security;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Describes an S3 bucket for Sigma catchup recordings (New-LiveChannel -CatchupS3). Only builds an object in memory:
    /// nothing is sent, and the secret key stays a SecureString until the channel is created.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LiveS3Destination", DefaultParameterSetName = KeysSet)]
    [OutputType(typeof(LiveS3Destination))]
    public sealed class NewLiveS3DestinationCommand : LiveStreamCmdlet
    {
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The S3 endpoint, e.g. https://s3.ap-southeast-1.amazonaws.com or an S3-compatible store's address.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Endpoint { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [ValidateNotNull]
        public SecureString? SecretKey { get; set; }

        /// <summary>The access key as the user name and the secret key as the password, e.g. from Get-Secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>A prefix for the segment files Sigma writes; Sigma's own layout when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SegmentPrefix { get; set; }

        protected override void EndProcessing()
        {
            var fromCredential = ParameterSetName == CredentialSet;
            WriteObject(new LiveS3Destination
            {
                Bucket = Bucket,
                Endpoint = Endpoint,
                Region = Region,
                AccessKey = fromCredential ? Credential.UserName.TrimStart('\\') : AccessKey,
                SecretKey = fromCredential ? Credential.Password : SecretKey,
                SegmentPrefix = SegmentPrefix,
            });
        }
    }
}
