namespace LiveStream.Emulator;

/// <summary>The seeded accounts and where the emulator listens.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback only; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    public SigmaAccount Sigma { get; set; } = new(
        AppId: "0c787e24-87a3-47da-a131-e8310f35aff7",
        UserName: "emulator-user",
        SecretKey: "sigma-emulator-secret-key-0001");

    /// <summary>
    /// When set, an encoder is simulated: this many milliseconds after a Sigma channel starts, it publishes to it
    /// (and its signal drops once and comes back). Off by default; tests drive the encoder through /_emulator/sigma.
    /// </summary>
    public int? SimulatedEncoderDelayMs { get; set; }

    /// <summary>Two service accounts, so that ownership rules (403 for another account's stream) can be tried.</summary>
    public List<ThetaAccount> Theta { get; set; } =
    [
        new(Id: "srvacc_emulator0000000000000000a", Secret: "theta-emulator-secret-a-000000001"),
        new(Id: "srvacc_emulator0000000000000000b", Secret: "theta-emulator-secret-b-000000002"),
    ];
}

public sealed record SigmaAccount(string AppId, string UserName, string SecretKey);

public sealed record ThetaAccount(string Id, string Secret);
