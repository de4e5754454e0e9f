using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LiveStream.Emulator;

namespace LiveStream.Bench;

/// <summary>A runspace with the module imported through its manifest and connected to the emulator's Sigma app.</summary>
internal sealed class BenchRunspace : IDisposable
{
    private readonly Runspace _runspace;

    public BenchRunspace(Uri baseUri, SigmaAccount account)
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run("Import-Module -Name $manifest", ("manifest", Path.Combine(AppContext.BaseDirectory, "LiveStream.psd1")));
        Run("Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri " +
            "-Credential ([pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword))",
            ("appId", account.AppId), ("baseUri", baseUri), ("user", account.UserName), ("secret", account.SecretKey));
    }

    public void Run(string script, params (string Name, object? Value)[] variables) => Run(script, null, variables);

    /// <summary>Runs a script; <paramref name="output"/>, when given, receives the objects as they are written.</summary>
    public void Run(string script, PSDataCollection<PSObject>? output, params (string Name, object? Value)[] variables) =>
        Run(script, output, Timeout.InfiniteTimeSpan, variables);

    /// <summary>As above, stopped (and a <see cref="TimeoutException"/>) when it runs longer than <paramref name="limit"/>.</summary>
    public void Run(string script, PSDataCollection<PSObject>? output, TimeSpan limit, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        using var sink = output == null ? new PSDataCollection<PSObject>() : null;
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output ?? sink!);
        if (!running.AsyncWaitHandle.WaitOne(limit))
        {
            shell.Stop();
            throw new TimeoutException($"'{script}' did not finish within {limit.TotalMinutes:0.#} min and was stopped.");
        }

        shell.EndInvoke(running);

        if (shell.HadErrors)
        {
            throw new InvalidOperationException($"'{script}' failed: {string.Join("; ", shell.Streams.Error)}");
        }
    }

    public void Dispose() => _runspace.Dispose();
}
