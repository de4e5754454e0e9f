namespace LiveStream.Channels
{
    /// <summary>A vendor-neutral channel list query.</summary>
    public sealed class ChannelQuery
    {
        /// <summary>One exact name, for a vendor that filters names itself (see <see cref="ChannelFeatures.NameFilter"/>).</summary>
        public string? Name { get; set; }

        /// <summary>One of the vendor's <see cref="VendorProfile.Statuses"/>, in any case.</summary>
        public string? Status { get; set; }

        /// <summary>The most recently changed first, where the vendor can sort (a first page for tab completion, say).</summary>
        public bool RecentlyChangedFirst { get; set; }
    }
}
