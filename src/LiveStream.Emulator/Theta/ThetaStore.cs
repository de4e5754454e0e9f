using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Theta;

/// <summary>
/// The Theta service accounts' streams and the Edge Ingestors, as the API's JSON objects. Every read and change
/// takes <see cref="Gate"/>.
/// </summary>
public sealed partial class ThetaStore(EmulatorClock clock, IReadOnlyList<ThetaAccount> accounts)
{
    public object Gate { get; } = new();

    public EmulatorClock Clock { get; } = clock;

    public IReadOnlyList<ThetaAccount> Accounts { get; } = accounts;

    /// <summary>Streams with their owner in "service_account_id", as the list endpoint shows them.</summary>
    public List<JsonObject> Streams { get; } = [];

    public JsonObject? FindStream(string id) => Streams.FirstOrDefault(stream => (string?)stream["id"] == id);

    public ThetaAccount? FindAccount(string id) => Accounts.FirstOrDefault(account => account.Id == id);
}
