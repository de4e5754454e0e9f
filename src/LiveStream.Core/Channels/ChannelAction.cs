namespace LiveStream.Channels
{
    /// <summary>The changes a channel service makes to a channel.</summary>
    public enum ChannelAction
    {
        Start,
        Stop,
        Remove,
    }
}
