using System;

namespace LiveStream.Sigma
{
    /// <summary>Sigma's latency modes: the API's words and the PowerShell-style names that map to them.</summary>
    public static class SigmaModes
    {
        public const string UltraLowLatency = "ultra-low-latency";

        private static readonly (string Friendly, string Api)[] Known =
        {
            ("UltraLowLatency", UltraLowLatency),
            ("LowLatency", "low-latency"),
            ("Normal", "normal"),
        };

        /// <summary>The names -Mode completes to.</summary>
        public static string[] Names => Array.ConvertAll(Known, mode => mode.Friendly);

        /// <summary>The API's word for a friendly name (any case); any other value is passed through as it is.</summary>
        public static string ToApi(string mode)
        {
            foreach (var known in Known)
            {
                if (string.Equals(known.Friendly, mode, StringComparison.OrdinalIgnoreCase))
                {
                    return known.Api;
                }
            }

            return mode;
        }
    }
}
