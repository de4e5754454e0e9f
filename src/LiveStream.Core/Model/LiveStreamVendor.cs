namespace LiveStream.Model
{
    public enum LiveStreamVendor
    {
        Sigma,
        Theta,
    }
}
