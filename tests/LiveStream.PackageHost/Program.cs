using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Runs one script file in a fresh runspace and prints every record, one per line, tab-separated:
//   OUT <text>            an output object (its string form)
//   ERR <errorId> <text>  an error record (FullyQualifiedErrorId, message)
//   WRN <text>            a warning
//   TERM <text>           the terminating error that ended the script (exit code 1)
// Usage: LiveStream.PackageHost <script.ps1> [name=value ...]   (each name=value becomes a string variable)
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: LiveStream.PackageHost <script.ps1> [name=value ...]");
    return 2;
}

using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
foreach (var assignment in args.Skip(1))
{
    var separator = assignment.IndexOf('=');
    runspace.SessionStateProxy.SetVariable(assignment[..separator], assignment[(separator + 1)..]);
}

using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddScript(File.ReadAllText(args[0]));
var exitCode = 0;
try
{
    foreach (var item in shell.Invoke())
    {
        Print("OUT", item?.ToString());
    }
}
catch (RuntimeException exception)
{
    Print("TERM", exception.ErrorRecord?.FullyQualifiedErrorId + "\t" + exception.Message);
    exitCode = 1;
}

foreach (var error in shell.Streams.Error)
{
    Print("ERR", error.FullyQualifiedErrorId + "\t" + error);
}

foreach (var warning in shell.Streams.Warning)
{
    Print("WRN", warning.Message);
}

return exitCode;

static void Print(string kind, string? text) =>
    Console.Out.WriteLine(kind + "\t" + (text ?? string.Empty).Replace("\r", "\\r").Replace("\n", "\\n"));
