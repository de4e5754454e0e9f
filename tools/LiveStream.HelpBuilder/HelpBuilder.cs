namespace LiveStream.HelpBuilder;

/// <summary>
/// Reads docs/: each cmdlet page is checked against its cmdlet, every cmdlet must have a page, and about_ topics need
/// their descriptions. Only when nothing is wrong are the MAML file and the about_*.help.txt files written.
/// </summary>
internal sealed class HelpBuilder(string docsFolder, string docsLabel, string helpFileName, string moduleName)
{
    public List<HelpProblem> Build(IReadOnlyList<CmdletSignature> cmdlets, string outputFolder)
    {
        var problems = new List<HelpProblem>();
        var pages = new List<(CommandHelpPage Page, CmdletSignature Cmdlet)>();
        var abouts = new List<(string FileName, MarkdownOutline Outline)>();
        var validator = new HelpValidator(helpFileName, moduleName);
        var documented = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var file in Directory.GetFiles(docsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var label = docsLabel + "/" + fileName;
            var outline = MarkdownOutline.Parse(File.ReadAllText(file));
            if (fileName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                problems.AddRange(AboutTopic.Validate(label, fileName, outline));
                abouts.Add((fileName, outline));
                continue;
            }

            if (!CommandHelpPage.IsCommandPage(outline))
            {
                continue;
            }

            var page = CommandHelpPage.Parse(label, outline);
            var name = Path.GetFileNameWithoutExtension(fileName);
            var cmdlet = cmdlets.FirstOrDefault(cmdlet => string.Equals(cmdlet.Name, name, StringComparison.OrdinalIgnoreCase));
            if (cmdlet == null)
            {
                problems.Add(new HelpProblem(label, 1, "LSHELP002",
                    $"{fileName} documents {name}, which {moduleName} does not define. Remove the page or rename it to the cmdlet it documents."));
                continue;
            }

            documented.Add(cmdlet.Name);
            problems.AddRange(validator.Validate(page, cmdlet));
            pages.Add((page, cmdlet));
        }

        foreach (var cmdlet in cmdlets.Where(cmdlet => !documented.Contains(cmdlet.Name)))
        {
            problems.Add(new HelpProblem(docsLabel + "/" + cmdlet.Name + ".md", 1, "LSHELP001",
                $"{cmdlet.Name} has no help page. Write {docsLabel}/{cmdlet.Name}.md in the PlatyPS layout of " +
                "Connect-LiveStream.md (one section per parameter)."));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        Directory.CreateDirectory(outputFolder);
        foreach (var stale in Directory.GetFiles(outputFolder, "*.help.txt").Concat(Directory.GetFiles(outputFolder, "*-Help.xml")))
        {
            File.Delete(stale);
        }

        MamlWriter.Write(Path.Combine(outputFolder, helpFileName), pages.OrderBy(entry => entry.Cmdlet.Name, StringComparer.OrdinalIgnoreCase));
        foreach (var (fileName, outline) in abouts)
        {
            File.WriteAllText(Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(fileName) + ".help.txt"), AboutTopic.ToText(outline));
        }

        return problems;
    }
}
