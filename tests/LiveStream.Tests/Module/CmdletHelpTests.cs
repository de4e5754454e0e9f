using System.Collections;
using System.Management.Automation;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Get-Help as users see it, for every cmdlet the manifest exports (a cmdlet added later is covered by being
/// exported): the help comes from en-US/LiveStream.dll-Help.xml beside the built module, written from docs/.
/// </summary>
public sealed class CmdletHelpTests(CmdletHelpTests.Shell shell) : IClassFixture<CmdletHelpTests.Shell>
{
    public static TheoryData<string> Cmdlets => ManifestCmdlets.Names;

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Get_Help_Full_has_a_synopsis_a_description_an_example_and_every_parameter_described(string cmdlet)
    {
        var result = shell.Runspace.Run("Get-Help -Name $name -Full", ("name", cmdlet));

        result.AssertSuccess();
        var help = Assert.Single(result.Output);
        // Without MAML, Get-Help would make the synopsis from the syntax ("Connect-LiveStream [-Sigma] ...").
        Assert.Equal(PageSynopsis(cmdlet), ((string)help.Properties["Synopsis"].Value).Trim());
        Assert.False(string.IsNullOrWhiteSpace(Text(help.Properties["description"]?.Value)), $"{cmdlet} has no description");
        var examples = Items(Property(help, "examples", "example"));
        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.False(string.IsNullOrWhiteSpace(Text(Property(example, "code")))));
        var parameters = Items(Property(help, "parameters", "parameter"));
        Assert.All(parameters, parameter => Assert.False(string.IsNullOrWhiteSpace(Text(Property(parameter, "description"))),
            $"{cmdlet} -{Text(Property(parameter, "name"))} has no description"));
        var commandParameters = shell.Runspace.Run(
            "(Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters }",
            ("name", cmdlet));
        Assert.Equal(commandParameters.Output.Select(name => name.ToString()).Order(),
            parameters.Select(parameter => Text(Property(parameter, "name"))).Order());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Get_Help_Examples_shows_an_example_that_runs_the_cmdlet(string cmdlet)
    {
        var result = shell.Runspace.Run("Get-Help -Name $name -Examples | Out-Default", ("name", cmdlet));

        result.AssertSuccess();
        Assert.Contains("Example 1", result.HostText);
        var codeLines = result.HostText.Split('\n').Where(line => line.TrimStart().StartsWith("PS C:\\>", StringComparison.Ordinal));
        Assert.Contains(codeLines, line => line.Contains(cmdlet, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("{{", result.HostText);
    }

    [Fact]
    public void Get_Help_about_LiveStream_explains_the_concepts_and_shows_a_runbook()
    {
        var result = shell.Runspace.Run("Get-Help -Name about_LiveStream | Out-Default");

        result.AssertSuccess();
        var text = result.HostText;
        foreach (var expected in new[]
                 {
                     "SHORT DESCRIPTION", "LONG DESCRIPTION", "Connections", "Vendors", "The emulator", "Errors and ErrorIds",
                     "Retries", "LiveStream.NotConnected", "Get-AutomationPSCredential", "Connect-LiveStream", "Start-LiveChannel",
                     "Wait-LiveChannel", "Stop-LiveChannel",
                 })
        {
            Assert.Contains(expected, text);
        }
    }

    private static string PageSynopsis(string cmdlet)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", cmdlet + ".md"));
        return string.Join(" ", lines.SkipWhile(line => line != "## SYNOPSIS").Skip(1).TakeWhile(line => !line.StartsWith('#'))
            .Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    private static object? Property(object? value, params string[] path)
    {
        foreach (var name in path)
        {
            value = value == null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;
        }

        return value;
    }

    private static List<object> Items(object? value) => value switch
    {
        null => [],
        PSObject { BaseObject: IEnumerable and not string } wrapped => ((IEnumerable)wrapped.BaseObject).Cast<object>().ToList(),
        IEnumerable sequence and not string => sequence.Cast<object>().ToList(),
        _ => [value],
    };

    /// <summary>The text of a help node: a string, a para object's Text, or all of them joined.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        PSObject { BaseObject: string text } => text,
        _ when Items(value) is { Count: > 1 } items => string.Join("\n", items.Select(Text)),
        _ => PSObject.AsPSObject(value).Properties["Text"]?.Value?.ToString() ?? value.ToString() ?? string.Empty,
    };

    /// <summary>One runspace with the built module for the whole class: Get-Help only reads.</summary>
    public sealed class Shell : IDisposable
    {
        public PsRunspace Runspace { get; } = new();

        public void Dispose() => Runspace.Dispose();
    }
}
