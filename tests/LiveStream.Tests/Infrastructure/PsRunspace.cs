using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LiveStream.Tests.Infrastructure.Hosting;

namespace LiveStream.Tests.Infrastructure;

/// <summary>
/// A PowerShell runspace hosted in the test process with the built module imported through its manifest, as a user
/// would import it. Runs real pipelines and returns every stream.
/// </summary>
public sealed class PsRunspace : IDisposable
{
    private readonly StringWriter _hostOutput = new();

    public PsRunspace(bool importModule = true)
    {
        Host = new TextHost(_hostOutput);
        Runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
        Runspace.Open();
        if (importModule)
        {
            ImportResult = Run("Import-Module -Name $manifest -PassThru", ("manifest", ManifestPath));
            ImportResult.AssertSuccess();
        }
    }

    public static string ManifestPath => Path.Combine(AppContext.BaseDirectory, "LiveStream.psd1");

    public TextHost Host { get; }

    public Runspace Runspace { get; }

    public PsResult? ImportResult { get; }

    public PsResult Run(string script, params (string Name, object? Value)[] variables)
    {
        using var shell = Create(script, variables);
        return Collect(shell, () => shell.Invoke().ToList());
    }

    /// <summary>A pipeline not yet started, for tests that stop it midway.</summary>
    public PowerShell Create(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            Runspace.SessionStateProxy.SetVariable(name, value);
        }

        var shell = PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(script);
        return shell;
    }

    public PsResult Collect(PowerShell shell, Func<List<PSObject>> invoke)
    {
        lock (_hostOutput)
        {
            _hostOutput.GetStringBuilder().Clear();
        }

        List<PSObject> output = [];
        RuntimeException? terminating = null;
        try
        {
            output = invoke();
        }
        catch (RuntimeException exception)
        {
            terminating = exception;
        }

        string hostText;
        lock (_hostOutput)
        {
            hostText = _hostOutput.ToString();
        }

        return new PsResult
        {
            Output = output,
            Errors = shell.Streams.Error.ToList(),
            Warnings = shell.Streams.Warning.ToList(),
            Verbose = shell.Streams.Verbose.ToList(),
            Debug = shell.Streams.Debug.ToList(),
            Information = shell.Streams.Information.ToList(),
            Progress = shell.Streams.Progress.ToList(),
            HostText = hostText,
            Terminating = terminating,
        };
    }

    /// <summary>Script that connects to the emulator's Sigma app; $baseUri, $appId, $user and $secret are set.</summary>
    public PsResult ConnectSigma(EmulatorFixture emulator, string extra = "", string? secret = null) =>
        Run("Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri " +
            "-Credential ([pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword)) " + extra,
            ("baseUri", emulator.BaseUri), ("appId", emulator.Sigma.AppId), ("user", emulator.Sigma.UserName),
            ("secret", secret ?? emulator.Sigma.SecretKey));

    /// <summary>Connects to one of the emulator's Theta service accounts.</summary>
    public PsResult ConnectTheta(EmulatorFixture emulator, Emulator.ThetaAccount account, string extra = "") =>
        Run("Connect-LiveStream -Theta -BaseUri $baseUri " +
            "-Credential ([pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword)) " + extra,
            ("baseUri", emulator.BaseUri), ("user", account.Id), ("secret", account.Secret));

    public void Dispose()
    {
        Runspace.Dispose();
        _hostOutput.Dispose();
    }
}
