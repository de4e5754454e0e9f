namespace LiveStream.Ids
{
    /// <summary>The kinds of vendor ids the module checks before it sends anything (see <see cref="IdForms"/>).</summary>
    public enum IdKind
    {
        SigmaChannel,
        SigmaSession,
        SigmaMachine,
        SigmaApp,
        SigmaProfile,
        ThetaStream,
        ThetaServiceAccount,
        ThetaIngestor,
    }
}
