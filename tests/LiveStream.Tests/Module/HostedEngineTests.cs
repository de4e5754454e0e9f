using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>The hosted engine of these tests (Microsoft.PowerShell.SDK) has the Utility and Management cmdlets users have.</summary>
public sealed class HostedEngineTests
{
    [Fact]
    public void Utility_and_Management_cmdlets_run_beside_the_module()
    {
        using var shell = new PsRunspace();

        var result = shell.Run("@{ a = 1 } | ConvertTo-Json -Compress; (Get-Item -LiteralPath $PSHOME).PSProvider.Name");

        result.AssertSuccess();
        Assert.Equal(["{\"a\":1}", "FileSystem"], result.Output.Select(item => item.ToString()));
    }
}
