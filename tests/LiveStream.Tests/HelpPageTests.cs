using System.Management.Automation;
using System.Text.RegularExpressions;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// Every docs/Verb-Noun.md page has the PlatyPS layout of Connect-LiveStream.md, and its syntax blocks and parameter list
/// say exactly what the cmdlet has.
/// </summary>
public sealed class HelpPageTests : IDisposable
{
    private static readonly string Docs = Path.Combine(RepositoryRoot(), "docs");

    private static readonly string[] Sections =
        ["## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## NOTES", "## RELATED LINKS"];

    private readonly PsRunspace _shell = new();

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Docs, "*-*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetFileNameWithoutExtension(file));
        }

        return pages;
    }

    [Fact]
    public void Every_exported_channel_cmdlet_has_a_page()
    {
        string[] channelCmdlets =
            ["New-LiveChannel", "Get-LiveChannel", "Start-LiveChannel", "Stop-LiveChannel", "Remove-LiveChannel", "New-LiveS3Destination"];

        Assert.All(channelCmdlets, name => Assert.True(File.Exists(Path.Combine(Docs, name + ".md")), name + ".md is missing"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_page_has_the_PlatyPS_layout_and_lists_exactly_the_cmdlets_parameters(string name)
    {
        var text = File.ReadAllText(Path.Combine(Docs, name + ".md")).Replace("\r\n", "\n");
        var command = (CommandInfo)_shell.Run("Get-Command -Name $name -Module LiveStream", ("name", name)).Output.Single().BaseObject;
        var lines = text.Split('\n');

        Assert.StartsWith("---\nexternal help file: LiveStream.dll-Help.xml\nModule Name: LiveStream\nonline version:\nschema: 2.0.0\n---\n\n# " + name + "\n", text);
        Assert.Equal(Sections, lines.Where(line => line.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Matches(new Regex("## EXAMPLES\n\n### Example 1: .+\n```powershell\nPS C:\\\\> "), text);
        Assert.Contains(Section(lines, "## EXAMPLES"), line => line.StartsWith("PS C:\\> ", StringComparison.Ordinal) && line.Contains(name));

        var parameters = command.Parameters.Values.Where(parameter => !Cmdlet.CommonParameters.Contains(parameter.Name)).ToList();
        var documented = Section(lines, "## PARAMETERS").Where(line => line.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.Equal(parameters.Select(parameter => "### -" + parameter.Name).Order(StringComparer.Ordinal).Append("### CommonParameters"), documented);
        foreach (var parameter in parameters)
        {
            var yaml = YamlOf(lines, parameter.Name);
            Assert.Equal(parameter.ParameterType.Name, yaml["Type"]);
            Assert.Equal(string.Join(", ", parameter.Aliases), yaml["Aliases"]);
            Assert.Equal(SetsOf(parameter, command), yaml["Parameter Sets"]);
            Assert.Equal(parameter.ParameterSets.Values.All(set => set.IsMandatory) ? "True" : "False", yaml["Required"]);
        }

        var syntax = Section(lines, "## SYNTAX");
        var blocks = Regex.Matches(string.Join("\n", syntax), "```\n([^`]+)```").Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(command.ParameterSets.Count, blocks.Count);
        foreach (var set in command.ParameterSets)
        {
            var heading = command.ParameterSets.Count == 1 ? null : "### " + set.Name + (set.IsDefault && command.ParameterSets.Count > 1 ? " (Default)" : "");
            var block = heading == null ? blocks.Single() : blocks[syntax.Where(line => line.StartsWith("### ")).ToList().IndexOf(heading)];
            var named = Regex.Matches(block, @"(?<=[\s\[])-(\w+)").Select(match => match.Groups[1].Value);
            Assert.Equal(set.Parameters.Where(parameter => !Cmdlet.CommonParameters.Contains(parameter.Name)).Select(parameter => parameter.Name), named);
        }
    }

    private static string SetsOf(ParameterMetadata parameter, CommandInfo command) =>
        parameter.ParameterSets.ContainsKey(ParameterAttribute.AllParameterSets) || parameter.ParameterSets.Count == command.ParameterSets.Count
            ? "(All)"
            : string.Join(", ", parameter.ParameterSets.Keys.Order(StringComparer.Ordinal));

    private static List<string> Section(string[] lines, string heading) =>
        lines.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)).ToList();

    private static Dictionary<string, string> YamlOf(string[] lines, string parameter)
    {
        var start = Array.IndexOf(lines, "```yaml", Array.IndexOf(lines, "### -" + parameter));
        Assert.True(start > 0, "no yaml block for -" + parameter);
        return lines.Skip(start + 1).TakeWhile(line => line != "```")
            .Where(line => line.Length > 0)
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveStream.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LiveStream.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => _shell.Dispose();
}
