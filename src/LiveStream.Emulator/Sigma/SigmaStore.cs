using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// The Sigma app's channels, sessions and events as the API's own JSON objects (field names and casing as the
/// vendor's document shows them). Every read and change takes <see cref="Gate"/>.
/// </summary>
public sealed class SigmaStore(EmulatorClock clock)
{
    public object Gate { get; } = new();

    public EmulatorClock Clock { get; } = clock;

    public List<JsonObject> Channels { get; } = [];

    public List<JsonObject> Sessions { get; } = [];

    public List<JsonObject> Events { get; } = [];

    public JsonObject? FindChannel(string id) => Channels.FirstOrDefault(channel => (string?)channel["id"] == id);

    public JsonObject? FindSession(string id) => Sessions.FirstOrDefault(session => (string?)session["id"] == id);
}
