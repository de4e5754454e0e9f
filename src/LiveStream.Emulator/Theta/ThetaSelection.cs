namespace LiveStream.Emulator.Theta;

/// <summary>
/// An Edge Ingestor selected for a stream: the ingest server and key its encoder uses. While nothing publishes, the
/// selection lapses <see cref="ThetaStore.UnusedSelectionLifetime"/> after <see cref="IdleSince"/>.
/// </summary>
public sealed class ThetaSelection(string ingestorId, string streamId, string accountId, string streamServer, string streamKey)
{
    public string IngestorId { get; } = ingestorId;

    public string StreamId { get; } = streamId;

    /// <summary>The service account whose stream selected the ingestor: the only one that may unselect it.</summary>
    public string AccountId { get; } = accountId;

    public string StreamServer { get; } = streamServer;

    public string StreamKey { get; } = streamKey;

    /// <summary>When the selection was made or its encoder last stopped.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>An encoder is pushing to the ingestor: the selection does not lapse.</summary>
    public bool Publishing { get; set; }
}
