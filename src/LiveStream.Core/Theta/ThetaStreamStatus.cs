namespace LiveStream.Theta
{
    /// <summary>A Theta stream is on while an encoder pushes to its selected Edge Ingestor, off otherwise.</summary>
    public enum ThetaStreamStatus
    {
        On,
        Off,
    }
}
