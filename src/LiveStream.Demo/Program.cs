using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LiveStream.Demo.Hosting;
using LiveStream.Emulator;

// Starts the emulator, imports the built module through its manifest and runs examples/quickstart.ps1, rendering its
// output through the module's format views the way pwsh would.
var script = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");
var manifest = Path.Combine(AppContext.BaseDirectory, "LiveStream.psd1");

// The emulator plays the encoder too: a second after a channel starts, it publishes to it.
await using var emulator = await LiveStreamEmulator.StartAsync(
    new EmulatorOptions { Url = "http://127.0.0.1:0", SimulatedEncoderDelayMs = 1000 });
Console.WriteLine($"# Emulator of Sigma and Theta listening on {emulator.BaseUri}");
Console.WriteLine($"# Running {Path.GetFileName(script)} in a hosted PowerShell engine");
Console.WriteLine();

var host = new TextHost(Console.Out, width: 150, virtualTerminal: !Console.IsOutputRedirected);
var state = InitialSessionState.CreateDefault2();
if (OperatingSystem.IsWindows())
{
    state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
}

using var runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();

using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddCommand("Import-Module").AddParameter("Name", manifest).AddStatement()
    .AddCommand(script).AddParameter("BaseUri", emulator.BaseUri)
    .AddCommand("Out-Default");
try
{
    shell.Invoke();
}
catch (RuntimeException exception)
{
    host.UI.WriteErrorLine(exception.ErrorRecord.ToString());
    return 1;
}

foreach (var error in shell.Streams.Error)
{
    host.UI.WriteErrorLine(error.ToString());
}

return shell.HadErrors ? 1 : 0;
