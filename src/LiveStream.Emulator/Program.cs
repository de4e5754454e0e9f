using LiveStream.Emulator;

var options = new EmulatorOptions();
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] is "--urls" or "--url")
    {
        options.Url = args[i + 1].Split(';')[0];
    }
}

if (args.Contains("--simulate-encoder"))
{
    options.SimulatedEncoderDelayMs = 1000;
}

await using var emulator = await LiveStreamEmulator.StartAsync(options);
Console.WriteLine($"LiveStream emulator of Sigma Livestream and Theta EdgeCloud listening on {emulator.BaseUri}");
Console.WriteLine("Seeded accounts (emulator-only credentials):");
Console.WriteLine($"  Sigma  -AppId {options.Sigma.AppId}  user {options.Sigma.UserName}  secret key {options.Sigma.SecretKey}");
foreach (var account in options.Theta)
{
    Console.WriteLine($"  Theta  service account {account.Id}  secret {account.Secret}");
}

if (options.SimulatedEncoderDelayMs is int delay)
{
    Console.WriteLine($"Simulated encoder: publishes to each Sigma channel {delay} ms after it starts.");
}

Console.WriteLine($"Control endpoints under {emulator.BaseUri}_emulator/ (reset, requests, faults, clock). Ctrl+C or SIGTERM stops.");
await emulator.WaitForShutdownAsync();
