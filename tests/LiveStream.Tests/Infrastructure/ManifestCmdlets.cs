using System.Text.RegularExpressions;

namespace LiveStream.Tests.Infrastructure;

/// <summary>The cmdlets LiveStream.psd1 exports (CmdletsToExport), read from the manifest beside the built module.</summary>
public static class ManifestCmdlets
{
    public static IReadOnlyList<string> Exported { get; } = Read();

    /// <summary>Every exported cmdlet, as xunit theory data.</summary>
    public static TheoryData<string> Names => new(Exported);

    private static List<string> Read()
    {
        var text = File.ReadAllText(PsRunspace.ManifestPath);
        var block = text[text.IndexOf("CmdletsToExport", StringComparison.Ordinal)..];
        block = block[..block.IndexOf(')')];
        return Regex.Matches(block, "'([A-Za-z0-9-]+)'").Select(match => match.Groups[1].Value).ToList();
    }
}
