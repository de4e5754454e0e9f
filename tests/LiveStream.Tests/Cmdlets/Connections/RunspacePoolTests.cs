using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LiveStream.Tests.Infrastructure.Hosting;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>Connections belong to a runspace, also when the runspaces come from one RunspacePool (a job host).</summary>
public sealed class RunspacePoolTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Two_pipelines_running_at_once_on_a_RunspacePool_each_see_only_their_own_connection()
    {
        var sessionState = InitialSessionState.CreateDefault2();
        sessionState.ImportPSModule(PsRunspace.ManifestPath);
        using var pool = RunspaceFactory.CreateRunspacePool(2, 2, sessionState, new TextHost(TextWriter.Null));
        pool.Open();
        using var bothConnected = new Barrier(2);
        const string job = """
            param($name, $bothConnected, $appId, $baseUri, $user, $secret)
            $credential = [pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword)
            Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential $credential -Name $name
            if (-not $bothConnected.SignalAndWait([timespan]::FromSeconds(60))) { throw 'the other pipeline never connected' }
            [runspace]::DefaultRunspace.InstanceId
            Get-LiveStreamConnection
            """;

        var pipelines = new[] { "jobA", "jobB" }.Select(name =>
        {
            var shell = PowerShell.Create();
            shell.RunspacePool = pool;
            shell.AddScript(job).AddArgument(name).AddArgument(bothConnected).AddArgument(emulator.Sigma.AppId)
                .AddArgument(emulator.BaseUri).AddArgument(emulator.Sigma.UserName).AddArgument(emulator.Sigma.SecretKey);
            return (Name: name, Shell: shell, Running: shell.BeginInvoke());
        }).ToList();
        var results = pipelines.Select(pipeline => (pipeline.Name, pipeline.Shell, Output: pipeline.Shell.EndInvoke(pipeline.Running))).ToList();

        foreach (var (name, shell, output) in results)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.Equal([name], output.Skip(1).Select(item => ((LiveStreamConnection)item.BaseObject).Name));
            shell.Dispose();
        }

        Assert.NotEqual(results[0].Output[0].BaseObject, results[1].Output[0].BaseObject);
    }
}
