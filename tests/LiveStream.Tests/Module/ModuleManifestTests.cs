using System.Management.Automation;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

public sealed class ModuleManifestTests
{
    [Fact]
    public void Import_Module_through_the_manifest_prints_no_warning_and_exports_exactly_the_listed_cmdlets()
    {
        using var shell = new PsRunspace(importModule: false);

        var import = shell.Run("Import-Module -Name $manifest -Verbose -PassThru 3>&1", ("manifest", PsRunspace.ManifestPath));

        import.AssertSuccess();
        Assert.Empty(import.Warnings);
        Assert.DoesNotContain(import.Output, item => item.BaseObject is WarningRecord);
        var module = Assert.IsType<PSModuleInfo>(Assert.Single(import.Output).BaseObject);
        Assert.Equal("LiveStream", module.Name);
        var manifestCmdlets = ManifestCmdlets.Exported;
        Assert.Equal(manifestCmdlets.OrderBy(name => name), module.ExportedCmdlets.Keys.OrderBy(name => name));
        Assert.Contains("Connect-LiveStream", manifestCmdlets);
    }

    [Fact]
    public void Test_ModuleManifest_passes_and_names_both_editions()
    {
        using var shell = new PsRunspace(importModule: false);

        var result = shell.Run("Test-ModuleManifest -Path $manifest", ("manifest", PsRunspace.ManifestPath));

        result.AssertSuccess();
        var module = result.Single<PSModuleInfo>();
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Contains("Desktop", module.CompatiblePSEditions);
        Assert.Contains("Core", module.CompatiblePSEditions);
        Assert.NotEqual(Guid.Empty, module.Guid);
    }

    [Fact]
    public void Every_exported_cmdlet_uses_an_approved_verb()
    {
        using var shell = new PsRunspace();

        var result = shell.Run("Get-Command -Module LiveStream -CommandType Cmdlet | ForEach-Object { $_.Verb }");

        result.AssertSuccess();
        var approved = typeof(VerbsCommon).Assembly.GetTypes()
            .Where(type => type.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(type => type.GetFields().Select(field => (string)field.GetValue(null)!))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, verb => Assert.Contains(verb.ToString(), approved));
    }
}
