using System.Text.RegularExpressions;

namespace LiveStream.Theta
{
    /// <summary>The documented forms of Theta ids.</summary>
    public static class ThetaIds
    {
        private static readonly Regex ServiceAccount = new Regex("^srvacc_[A-Za-z0-9]{25}\\z", RegexOptions.CultureInvariant);
        private static readonly Regex Stream = new Regex("^stream_[A-Za-z0-9]{25}\\z", RegexOptions.CultureInvariant);
        private static readonly Regex Ingestor = new Regex("^0x[0-9A-Fa-f]{40}\\z", RegexOptions.CultureInvariant);

        public static bool IsServiceAccountId(string? value) => value != null && ServiceAccount.IsMatch(value);

        public static bool IsStreamId(string? value) => value != null && Stream.IsMatch(value);

        public static bool IsIngestorId(string? value) => value != null && Ingestor.IsMatch(value);
    }
}
