using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>Edge Ingestors, their selections, the caller's location and the encoders publishing to them.</summary>
public sealed partial class ThetaStore
{
    public const int StreamLimitPerAccount = 3;

    public static readonly TimeSpan UnusedSelectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The ingestors as the vendor lists them (id, ip, stream_key, state, stakes, geo).</summary>
    public List<JsonObject> Ingestors { get; } = ThetaSeed.Ingestors();

    public List<ThetaSelection> Selections { get; } = ThetaSeed.Selections();

    /// <summary>Where the vendor places the caller (it uses the caller's IP address); ingestors are listed nearest first.</summary>
    public GeoPoint CallerLocation { get; set; } = ThetaSeed.CallerLocation;

    /// <summary>Ingestors whose next select loses a race: another streamer takes them just before it.</summary>
    public HashSet<string> TakenBeforeNextSelect { get; } = new(StringComparer.OrdinalIgnoreCase);

    public JsonObject? FindIngestor(string id) =>
        Ingestors.FirstOrDefault(ingestor => string.Equals((string?)ingestor["id"], id, StringComparison.OrdinalIgnoreCase));

    public ThetaSelection? SelectionOfIngestor(string ingestorId) =>
        Selections.FirstOrDefault(selection => string.Equals(selection.IngestorId, ingestorId, StringComparison.OrdinalIgnoreCase));

    public ThetaSelection? SelectionOfStream(string streamId) =>
        Selections.FirstOrDefault(selection => selection.StreamId == streamId);

    public IEnumerable<JsonObject> IngestorsNearestFirst() =>
        Ingestors.OrderBy(ingestor => CallerLocation.KilometresTo(LocationOf(ingestor)));

    /// <summary>Selects an ingestor for a stream; a stream has one ingestor at a time, so an earlier one is released.</summary>
    public ThetaSelection Select(JsonObject ingestor, string streamId, string accountId)
    {
        if (SelectionOfStream(streamId) is { } earlier)
        {
            Release(earlier);
        }

        var selection = new ThetaSelection((string)ingestor["id"]!, streamId, accountId,
            ThetaIdentifiers.StreamServer((string)ingestor["ip"]!), ThetaIdentifiers.NewStreamKey())
        {
            IdleSince = Clock.UtcNow,
        };
        Selections.Add(selection);
        ingestor["state"] = "selected";
        return selection;
    }

    /// <summary>Another service account's streamer takes the ingestor (the losing side of a race).</summary>
    public void TakeForAnotherStreamer(JsonObject ingestor) =>
        Select(ingestor, ThetaIdentifiers.NewStreamId(), "srvacc_racingstreamer0000000000");

    /// <summary>Unselects: the ingestor is available again and an encoder pushing to it is cut off.</summary>
    public void Release(ThetaSelection selection)
    {
        Selections.Remove(selection);
        if (FindIngestor(selection.IngestorId) is { } ingestor)
        {
            ingestor["state"] = "available";
        }

        if (selection.Publishing)
        {
            SetStreamStatus(selection.StreamId, "off");
        }
    }

    /// <summary>Releases every selection no encoder has used for five minutes. Every endpoint calls it first.</summary>
    public void ExpireUnusedSelections()
    {
        var now = Clock.UtcNow;
        foreach (var lapsed in Selections.Where(selection =>
                     !selection.Publishing && now - selection.IdleSince >= UnusedSelectionLifetime).ToList())
        {
            Release(lapsed);
        }
    }

    /// <summary>An encoder starts pushing: the stream turns on and the selection no longer lapses.</summary>
    public void Publish(ThetaSelection selection)
    {
        selection.Publishing = true;
        FindIngestor(selection.IngestorId)!["state"] = "busy";
        if (FindStream(selection.StreamId) is { } stream)
        {
            stream["playback_uri"] ??= $"https://media.thetavideoapi.invalid/{selection.StreamId}/master.m3u8";
            stream["player_uri"] ??= $"https://player.thetavideoapi.invalid/stream/{selection.StreamId}";
        }

        SetStreamStatus(selection.StreamId, "on");
    }

    /// <summary>The encoder stops: the stream turns off and the selection, unused again, lapses in five minutes.</summary>
    public void Unpublish(ThetaSelection selection)
    {
        selection.Publishing = false;
        selection.IdleSince = Clock.UtcNow;
        FindIngestor(selection.IngestorId)!["state"] = "selected";
        SetStreamStatus(selection.StreamId, "off");
    }

    public int StreamCountOf(string accountId) =>
        Streams.Count(stream => (string?)stream["service_account_id"] == accountId);

    private void SetStreamStatus(string streamId, string status)
    {
        if (FindStream(streamId) is { } stream)
        {
            stream["status"] = status;
            stream["update_time"] = Clock.Stamp();
        }
    }

    private static GeoPoint LocationOf(JsonObject ingestor) =>
        ingestor["geo"] is JsonArray { Count: 2 } geo ? new GeoPoint((double)geo[0]!, (double)geo[1]!) : default;
}
