using System;
using LiveStream.Model;

namespace LiveStream.Sigma
{
    /// <summary>
    /// Where Sigma puts a session's catchup playlist on S3: &lt;s3&gt;/sigma-livestream/&lt;session id&gt;/catchup/master-catchup.m3u8,
    /// with &lt;s3&gt; = the destination's endpoint and bucket in path style (endpoint/bucket), followed by the
    /// segment prefix when one is set.
    /// </summary>
    public static class SigmaCatchup
    {
        public static string? PlaylistUrl(LiveS3Destination? destination, string sessionId)
        {
            if (destination == null || destination.Bucket.Length == 0 || destination.Endpoint.Length == 0)
            {
                return null;
            }

            var endpoint = destination.Endpoint.TrimEnd('/');
            if (endpoint.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                endpoint = "https://" + endpoint;
            }

            var prefix = string.IsNullOrEmpty(destination.SegmentPrefix) ? string.Empty : "/" + destination.SegmentPrefix!.Trim('/');
            return $"{endpoint}/{Uri.EscapeDataString(destination.Bucket)}{prefix}/sigma-livestream/" +
                $"{Uri.EscapeDataString(sessionId)}/catchup/master-catchup.m3u8";
        }
    }
}
