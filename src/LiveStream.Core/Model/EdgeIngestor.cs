using System;

namespace LiveStream.Model
{
    /// <summary>
    /// A Theta Edge Ingestor: a node an encoder pushes RTMP to once the ingestor is selected for a stream.
    /// </summary>
    public sealed class EdgeIngestor
    {
        public const string Available = "available";

        /// <summary>The ingestor's address: 0x followed by 40 hex digits.</summary>
        public string Id { get; internal set; } = string.Empty;

        public string? Ip { get; internal set; }

        /// <summary>As the vendor spells it: available, selected, busy or unavailable.</summary>
        public string? State { get; internal set; }

        /// <summary>The stake behind the ingestor.</summary>
        public double? Stakes { get; internal set; }

        public double? Longitude { get; internal set; }

        public double? Latitude { get; internal set; }

        /// <summary>1 for the ingestor nearest to the caller: the position in the vendor's list, nearest first.</summary>
        public int Rank { get; internal set; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        public bool IsAvailable => string.Equals(State, Available, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Id;
    }
}
