namespace LiveStream.Channels
{
    /// <summary>A vendor-neutral channel list query.</summary>
    public sealed class ChannelQuery
    {
        /// <summary>One exact name, for a vendor that filters names itself (see <see cref="ChannelFeatures.NameFilter"/>).</summary>
        public string? Name { get; set; }

        /// <summary>One of the vendor's <see cref="VendorProfile.Statuses"/>, in any case.</summary>
        public string? Status { get; set; }
    }
}
