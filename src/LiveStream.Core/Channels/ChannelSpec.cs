namespace LiveStream.Channels
{
    /// <summary>A new channel: a name, and the settings beyond it for a vendor with <see cref="ChannelFeatures.ChannelSettings"/>.</summary>
    public sealed class ChannelSpec
    {
        public ChannelSpec(string name, ChannelSettings? settings = null)
        {
            Name = name;
            Settings = settings;
        }

        public string Name { get; }

        /// <summary>Null: the vendor's defaults.</summary>
        public ChannelSettings? Settings { get; }
    }
}
