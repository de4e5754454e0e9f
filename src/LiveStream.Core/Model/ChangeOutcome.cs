namespace LiveStream.Model
{
    /// <summary>How a desired-state change (start, stop, remove) ended; a failure is an exception instead.</summary>
    public enum ChangeOutcome
    {
        /// <summary>The vendor answered that it made the change.</summary>
        Made,

        /// <summary>The object was in the wanted state already; the vendor's refusal said so, and a read confirmed it.</summary>
        AlreadySo,

        /// <summary>
        /// The answer was lost or could not be read, or a repeat of a call whose answer was lost was refused as "already
        /// so"; a read shows the wanted state, so the change is done.
        /// </summary>
        Confirmed,
    }
}
