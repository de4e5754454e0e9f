using System.Diagnostics;
using System.Xml.Linq;
using LiveStream.Commands;
using LiveStream.HelpBuilder;

namespace LiveStream.Tests;

/// <summary>
/// The build step that turns docs/ into help: a page that no longer matches its cmdlet is a build error naming the
/// page, the line and the parameter; a matching set of pages becomes MAML and about_ text.
/// </summary>
public sealed class HelpBuilderTests : IDisposable
{
    private static readonly string DocsFolder = Path.Combine(AppContext.BaseDirectory, "docs");
    private readonly string _scratch = Directory.CreateTempSubdirectory("livestream-help-").FullName;

    [Fact]
    public void Every_page_in_docs_matches_its_cmdlet()
    {
        var cmdlets = CmdletSignature.ReadAll(typeof(ConnectLiveStreamCommand).Assembly);

        var problems = new HelpBuilder.HelpBuilder(DocsFolder, "docs", "LiveStream.dll-Help.xml", "LiveStream").Build(cmdlets, _scratch);

        Assert.Empty(problems);
        Assert.Contains("Connect-LiveStream", cmdlets.Select(cmdlet => cmdlet.Name));
    }

    [Fact]
    public void An_undocumented_parameter_and_a_documented_one_the_cmdlet_lacks_are_named()
    {
        var problems = ValidateConnect(page => page.Replace("### -AppId\n", "### -ApplicationId\n"));

        Assert.Contains(problems, problem => problem.Code == "LSHELP030" && problem.Message.Contains("-AppId") &&
            problem.File == "docs/Connect-LiveStream.md");
        var extra = Assert.Single(problems, problem => problem.Code == "LSHELP032");
        Assert.Contains("-ApplicationId", extra.Message);
        Assert.Equal(LineOf(ConnectPage, "### -AppId"), extra.Line);
    }

    [Fact]
    public void A_parameter_set_missing_from_SYNTAX_or_one_the_cmdlet_lacks_is_named()
    {
        var problems = ValidateConnect(page => page.Replace("### Theta\n", "### ThetaAccount\n"));

        Assert.Contains(problems, problem => problem.Code == "LSHELP020" && problem.Message.Contains("'Theta'"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP021" && problem.Message.Contains("'ThetaAccount'"));
    }

    [Fact]
    public void The_default_parameter_set_must_be_the_one_marked_Default()
    {
        var problems = ValidateConnect(page => page.Replace("### Sigma (Default)\n", "### Sigma\n").Replace("### Theta\n", "### Theta (Default)\n"));

        Assert.Equal(2, problems.Count(problem => problem.Code == "LSHELP022"));
    }

    [Fact]
    public void A_syntax_line_without_a_parameter_of_its_set_is_named()
    {
        var problems = ValidateConnect(page => page.Replace("Connect-LiveStream [-Theta] [-Credential] <PSCredential> [-BaseUri <Uri>]",
            "Connect-LiveStream [-Theta] [-Credential] <PSCredential>"));

        var problem = Assert.Single(problems);
        Assert.Equal("LSHELP023", problem.Code);
        Assert.Contains("-BaseUri", problem.Message);
    }

    [Fact]
    public void Wrong_parameter_sets_Required_Position_and_pipeline_input_in_a_yaml_block_are_named()
    {
        var problems = ValidateConnect(page => ReplaceInParameter(page, "AppId", "Parameter Sets: Sigma", "Parameter Sets: (All)"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP043" && problem.Message.Contains("-AppId"));

        problems = ValidateConnect(page => ReplaceInParameter(page, "Credential", "Position: 0", "Position: Named"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP041" && problem.Message.Contains("-Credential"));

        problems = ValidateConnect(page => ReplaceInParameter(page, "Name", "Required: False", "Required: True"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP040" && problem.Message.Contains("-Name"));

        problems = ValidateConnect(page => ReplaceInParameter(page, "BaseUri", "Accept pipeline input: False", "Accept pipeline input: True (ByValue)"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP042" && problem.Message.Contains("-BaseUri"));

        problems = ValidateConnect(page => ReplaceInParameter(page, "TimeoutSec", "Aliases: Timeout", "Aliases:"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP038" && problem.Message.Contains("-TimeoutSec"));

        problems = ValidateConnect(page => ReplaceInParameter(page, "MaxRetries", "Type: Int32", "Type: String"));
        Assert.Contains(problems, problem => problem.Code == "LSHELP037" && problem.Message.Contains("-MaxRetries"));
    }

    [Fact]
    public void A_page_without_examples_or_with_an_undescribed_parameter_is_refused()
    {
        var withoutExamples = ValidateConnect(page =>
            page[..page.IndexOf("### Example 1", StringComparison.Ordinal)] + page[page.IndexOf("## PARAMETERS", StringComparison.Ordinal)..]);
        Assert.Contains(withoutExamples, problem => problem.Code == "LSHELP014");

        var undescribed = ValidateConnect(page => page.Replace("Returns the new connection.\n", string.Empty));
        Assert.Contains(undescribed, problem => problem.Code == "LSHELP034" && problem.Message.Contains("-PassThru"));
    }

    [Fact]
    public void A_cmdlet_without_a_page_and_a_page_without_a_cmdlet_fail_and_nothing_is_written()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_scratch, "docs")).FullName;
        File.Copy(Path.Combine(DocsFolder, "Connect-LiveStream.md"), Path.Combine(docs, "Connect-LiveStream.md"));
        File.WriteAllText(Path.Combine(docs, "Get-Nothing.md"), ConnectPage.Replace("# Connect-LiveStream\n", "# Get-Nothing\n"));
        var output = Path.Combine(_scratch, "en-US");

        var problems = new HelpBuilder.HelpBuilder(docs, "docs", "LiveStream.dll-Help.xml", "LiveStream")
            .Build(CmdletSignature.ReadAll(typeof(ConnectLiveStreamCommand).Assembly), output);

        Assert.Contains(problems, problem => problem.Code == "LSHELP001" && problem.File == "docs/Get-LiveStreamConnection.md");
        Assert.Contains(problems, problem => problem.Code == "LSHELP002" && problem.File == "docs/Get-Nothing.md");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_MAML_has_one_command_per_page_with_syntax_per_parameter_set_and_the_examples()
    {
        var cmdlets = CmdletSignature.ReadAll(typeof(ConnectLiveStreamCommand).Assembly);
        new HelpBuilder.HelpBuilder(DocsFolder, "docs", "LiveStream.dll-Help.xml", "LiveStream").Build(cmdlets, _scratch);

        var maml = XDocument.Load(Path.Combine(_scratch, "LiveStream.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace maml2004 = "http://schemas.microsoft.com/maml/2004/10";
        XNamespace dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var commands = maml.Root!.Elements(command + "command").ToList();
        Assert.Equal(cmdlets.Select(cmdlet => cmdlet.Name), commands.Select(element => element.Element(command + "details")!.Element(command + "name")!.Value));
        var connect = commands.Single(element => element.Element(command + "details")!.Element(command + "name")!.Value == "Connect-LiveStream");
        var syntaxItems = connect.Element(command + "syntax")!.Elements(command + "syntaxItem").ToList();
        Assert.Equal(2, syntaxItems.Count);
        Assert.Contains(syntaxItems[0].Elements(command + "parameter"), parameter => parameter.Element(maml2004 + "name")!.Value == "AppId");
        Assert.DoesNotContain(syntaxItems[1].Elements(command + "parameter"), parameter => parameter.Element(maml2004 + "name")!.Value == "AppId");
        var credential = connect.Element(command + "parameters")!.Elements(command + "parameter")
            .Single(parameter => parameter.Element(maml2004 + "name")!.Value == "Credential");
        Assert.Equal("true", credential.Attribute("required")!.Value);
        Assert.Equal("0", credential.Attribute("position")!.Value);
        Assert.Equal(3, connect.Element(command + "examples")!.Elements(command + "example").Count());
        Assert.StartsWith("PS C:\\> Connect-LiveStream -Sigma", connect.Descendants(dev + "code").First().Value);
        Assert.True(File.Exists(Path.Combine(_scratch, "about_LiveStream.help.txt")));
    }

    [Fact]
    public void The_build_step_exits_with_MSBuild_errors_that_name_the_page_line_and_parameter()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_scratch, "docs")).FullName;
        foreach (var page in Directory.GetFiles(DocsFolder, "*.md"))
        {
            File.Copy(page, Path.Combine(docs, Path.GetFileName(page)));
        }

        File.WriteAllText(Path.Combine(docs, "Connect-LiveStream.md"), ConnectPage.Replace("### -SkipCheck\n", "### -NoCheck\n"));
        var references = Path.Combine(_scratch, "references.txt");
        File.WriteAllText(references, typeof(Model.LiveStreamConnection).Assembly.Location);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "LiveStream.HelpBuilder.dll"), "--module", typeof(ConnectLiveStreamCommand).Assembly.Location,
                     "--references", references, "--docs", docs, "--docs-label", "docs", "--output", Path.Combine(_scratch, "out"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.Equal(1, process.ExitCode);
        Assert.Matches(@"(?m)^docs/Connect-LiveStream\.md\(\d+\): error LSHELP030: .*-SkipCheck", output);
        Assert.Matches(@"(?m)^docs/Connect-LiveStream\.md\(\d+\): error LSHELP032: .*-NoCheck", output);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string ConnectPage => File.ReadAllText(Path.Combine(DocsFolder, "Connect-LiveStream.md")).Replace("\r\n", "\n");

    private static List<HelpProblem> ValidateConnect(Func<string, string> change)
    {
        var text = change(ConnectPage);
        Assert.NotEqual(ConnectPage, text);
        var page = CommandHelpPage.Parse("docs/Connect-LiveStream.md", MarkdownOutline.Parse(text));
        return new HelpValidator("LiveStream.dll-Help.xml", "LiveStream").Validate(page, CmdletSignature.Read(typeof(ConnectLiveStreamCommand)));
    }

    /// <summary>Replaces text in the section of one parameter only.</summary>
    private static string ReplaceInParameter(string page, string parameter, string oldText, string newText)
    {
        var start = page.IndexOf($"### -{parameter}\n", StringComparison.Ordinal);
        var end = page.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var section = page[start..end];
        Assert.Contains(oldText, section);
        return page[..start] + section.Replace(oldText, newText) + page[end..];
    }

    private static int LineOf(string page, string line) => Array.IndexOf(page.Split('\n'), line) + 1;
}
