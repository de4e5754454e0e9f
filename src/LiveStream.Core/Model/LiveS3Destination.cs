using System.Security;

namespace LiveStream.Model
{
    /// <summary>An S3 bucket that Sigma writes catchup recordings to. The secret key is kept as a SecureString.</summary>
    public sealed class LiveS3Destination
    {
        public string Bucket { get; set; } = string.Empty;

        public string Endpoint { get; set; } = string.Empty;

        public string? Region { get; set; }

        public string? AccessKey { get; set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal SecureString? SecretKey { get; set; }

        public string? SegmentPrefix { get; set; }

        public override string ToString() => $"s3://{Bucket} ({Endpoint})";
    }
}
