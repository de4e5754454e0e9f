using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>
/// The Edge Ingestors a fresh emulator offers: the two of the vendor's document (northern Virginia) and a handful
/// elsewhere, one of them busy with another streamer's broadcast and one unavailable, as a real list would show.
/// </summary>
public static class ThetaSeed
{
    /// <summary>Washington, DC: the two ingestors of the vendor's sample come first, in the sample's order.</summary>
    public static readonly GeoPoint CallerLocation = new(-77.0369, 38.9072);

    private const string ElsewhereAccount = "srvacc_anotherstreamer000000000";

    private static readonly SeedIngestor[] Seed =
    [
        new("0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A", "35.226.139.216", 3_000_000, -77.2481, 38.6583, "available"),
        new("0xaCe1F1d6E6284eF39ff55Ed7b5765b659b70Ca9f", "35.222.95.104", 2_000_000, -77.4298, 38.7739, "available"),
        new("0x5b3C1e1F0a9D4E2c7B8a6F3d2E1c0B9a8F7e6D5c", "34.72.18.41", 2_500_000, -95.8608, 41.2619, "available"),
        new("0x7E2d9A4c1B0f8E3a6D5c2B1a0F9e8D7c6B5a4F3e", "34.105.61.7", 1_500_000, -121.1786, 45.5946, "available"),
        new("0x1F4a8C3e7D2b6A9f0E5c4B3a2D1e0F9c8B7a6D5e", "35.198.77.23", 4_000_000, 8.6821, 50.1109, "available"),
        new("0x9C8b7A6f5E4d3C2b1A0f9E8d7C6b5A4f3E2d1C0b", "34.87.129.5", 1_000_000, 103.8198, 1.3521, "busy"),
        new("0x3A2b1C0d9E8f7A6b5C4d3E2f1A0b9C8d7E6f5A4b", "34.84.200.12", 2_000_000, 139.6917, 35.6895, "unavailable"),
    ];

    public static List<JsonObject> Ingestors() =>
        Seed.Select(ingestor => new JsonObject
        {
            ["id"] = ingestor.Id,
            ["ip"] = ingestor.Ip,
            ["stream_key"] = null,
            ["state"] = ingestor.State,
            ["stakes"] = ingestor.Stakes,
            ["geo"] = new JsonArray(ingestor.Longitude, ingestor.Latitude),
        }).ToList();

    /// <summary>The busy ingestors carry another account's broadcast, so they never lapse and only that account may unselect them.</summary>
    public static List<ThetaSelection> Selections() =>
        Seed.Where(ingestor => ingestor.State == "busy")
            .Select(ingestor => new ThetaSelection(ingestor.Id, ThetaIdentifiers.NewStreamId(), ElsewhereAccount,
                ThetaIdentifiers.StreamServer(ingestor.Ip), ThetaIdentifiers.NewStreamKey()) { Publishing = true })
            .ToList();

    private sealed record SeedIngestor(string Id, string Ip, long Stakes, double Longitude, double Latitude, string State);
}
