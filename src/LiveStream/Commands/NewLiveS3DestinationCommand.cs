using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
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
            var bucketProblem = BucketNameProblem(Bucket);
            if (bucketProblem != null)
            {
                ThrowInputError(ErrorIds.InvalidArgument,
                    $"'{Bucket}' is not an S3 bucket name: {bucketProblem}. A bucket name has 3 to 63 lowercase letters, " +
                    "digits, dots and hyphens, and begins and ends with a letter or digit, e.g. 'vod-catchup'.",
                    ErrorCategory.InvalidArgument, Bucket);
            }

            if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) ||
                (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp) || endpoint.Host.Length == 0)
            {
                ThrowInputError(ErrorIds.InvalidArgument,
                    $"'{Endpoint}' is not an S3 endpoint: give the absolute http or https address of the S3 service, " +
                    "e.g. https://s3.ap-southeast-1.amazonaws.com or https://minio.example.com:9000.",
                    ErrorCategory.InvalidArgument, Endpoint);
            }

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

        /// <summary>Why <paramref name="name"/> breaks the S3 bucket naming rules, or null when it keeps them.</summary>
        private static string? BucketNameProblem(string name)
        {
            if (name.Length < 3 || name.Length > 63)
            {
                return $"it has {name.Length} characters";
            }

            var bad = name.FirstOrDefault(character =>
                !(character >= 'a' && character <= 'z') && !(character >= '0' && character <= '9') && character != '.' && character != '-');
            if (bad != default(char))
            {
                return char.IsUpper(bad) ? $"it has the capital letter '{bad}'" : $"it has the character '{bad}'";
            }

            if (!char.IsLetterOrDigit(name[0]) || !char.IsLetterOrDigit(name[name.Length - 1]))
            {
                return "it begins or ends with a dot or a hyphen";
            }

            if (name.Contains(".."))
            {
                return "it has two dots in a row";
            }

            if (name.Split('.').Length == 4 && IPAddress.TryParse(name, out _))
            {
                return "it is an IP address";
            }

            var reservedPrefix = new[] { "xn--", "sthree-", "amzn-s3-demo-" }.FirstOrDefault(name.StartsWith);
            if (reservedPrefix != null)
            {
                return $"it begins with '{reservedPrefix}', which S3 reserves";
            }

            var reservedSuffix = new[] { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" }.FirstOrDefault(name.EndsWith);
            return reservedSuffix != null ? $"it ends with '{reservedSuffix}', which S3 reserves" : null;
        }
    }
}
