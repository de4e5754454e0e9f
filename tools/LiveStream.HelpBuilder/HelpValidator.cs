namespace LiveStream.HelpBuilder;

/// <summary>
/// Checks a help page against the cmdlet it documents: the layout (sections, examples, descriptions), the parameter
/// sets of SYNTAX, and every parameter of PARAMETERS (none missing, none extra, and each yaml block's type, sets,
/// aliases, Required, Position and pipeline input as the cmdlet declares them).
/// </summary>
internal sealed class HelpValidator(string helpFileName, string moduleName)
{
    private const string AllSetsWritten = "(All)";

    public List<HelpProblem> Validate(CommandHelpPage page, CmdletSignature cmdlet)
    {
        var problems = new List<HelpProblem>();
        void Problem(int line, string code, string message) => problems.Add(new HelpProblem(page.Path, line, code, message));

        CheckLayout(page, cmdlet, Problem);
        CheckSyntax(page, cmdlet, Problem);
        CheckParameters(page, cmdlet, Problem);
        return problems;
    }

    private void CheckLayout(CommandHelpPage page, CmdletSignature cmdlet, Action<int, string, string> problem)
    {
        var outline = page.Outline;
        if (page.Name != cmdlet.Name)
        {
            problem(Math.Max(outline.TitleLine, 1), "LSHELP010",
                $"The page's title is '# {page.Name}'; the cmdlet is {cmdlet.Name}.");
        }

        if (outline.FrontMatter.GetValueOrDefault("external help file") != helpFileName)
        {
            problem(1, "LSHELP011", $"The front matter must say 'external help file: {helpFileName}'.");
        }

        if (outline.FrontMatter.GetValueOrDefault("Module Name") != moduleName)
        {
            problem(1, "LSHELP011", $"The front matter must say 'Module Name: {moduleName}'.");
        }

        foreach (var name in CommandHelpPage.SectionNames.Where(name => outline.Section(name) == null))
        {
            problem(Math.Max(outline.TitleLine, 1), "LSHELP012", $"{cmdlet.Name}: the page has no '## {name}' section.");
        }

        foreach (var name in new[] { "SYNOPSIS", "DESCRIPTION" })
        {
            if (outline.Section(name) is { } section && string.IsNullOrWhiteSpace(TextBlocks.PlainText(section.Body)))
            {
                problem(section.Line, "LSHELP013", $"{cmdlet.Name}: '## {name}' is empty.");
            }
        }

        if (outline.Section("EXAMPLES") is { } examples)
        {
            if (page.Examples.Count == 0)
            {
                problem(examples.Line, "LSHELP014", $"{cmdlet.Name}: EXAMPLES has no example ('### Example 1: ...' with a code block).");
            }

            foreach (var example in page.Examples.Where(example => string.IsNullOrWhiteSpace(example.Code)))
            {
                problem(example.Line, "LSHELP014", $"{cmdlet.Name}: the example '{example.Title}' has no code block.");
            }

            if (page.Examples.Count > 0 && !page.Examples.Any(example =>
                    example.Code?.Contains(cmdlet.Name, StringComparison.OrdinalIgnoreCase) == true))
            {
                problem(examples.Line, "LSHELP014", $"{cmdlet.Name}: no example runs {cmdlet.Name}.");
            }
        }

        if (outline.Section("PARAMETERS") is { } parameters && !page.HasCommonParameters)
        {
            problem(parameters.Line, "LSHELP015", $"{cmdlet.Name}: PARAMETERS has no '### CommonParameters' paragraph.");
        }

        foreach (var (name, types) in new[] { ("INPUTS", page.Inputs), ("OUTPUTS", page.Outputs) })
        {
            if (outline.Section(name) is { } section && types.Count == 0)
            {
                problem(section.Line, "LSHELP016", $"{cmdlet.Name}: {name} names no type ('### TypeName', or '### None').");
            }
        }
    }

    private static void CheckSyntax(CommandHelpPage page, CmdletSignature cmdlet, Action<int, string, string> problem)
    {
        if (page.Outline.Section("SYNTAX") is not { } section)
        {
            return;
        }

        var blocks = page.Syntax;
        if (cmdlet.Sets.Count == 1 && blocks.Count == 1 &&
            (blocks[0].SetName == null || blocks[0].SetName == CmdletSignature.AllSetsName || blocks[0].SetName == cmdlet.Sets[0]))
        {
            CheckSyntaxParameters(blocks[0], cmdlet.Sets[0], cmdlet, problem);
            return;
        }

        foreach (var set in cmdlet.Sets.Where(set => !blocks.Any(block => block.SetName == set)))
        {
            problem(section.Line, "LSHELP020",
                $"{cmdlet.Name} has the parameter set '{set}', which SYNTAX does not show. Add '### {set}" +
                (set == cmdlet.DefaultSet ? " (Default)" : string.Empty) + "' with its syntax.");
        }

        foreach (var block in blocks)
        {
            if (block.SetName == null || !cmdlet.Sets.Contains(block.SetName))
            {
                problem(block.Line, "LSHELP021",
                    $"SYNTAX shows the parameter set '{block.SetName ?? "(no heading)"}', which {cmdlet.Name} does not have " +
                    $"(its sets: {string.Join(", ", cmdlet.Sets)}).");
                continue;
            }

            if (block.IsDefault != (block.SetName == cmdlet.DefaultSet))
            {
                problem(block.Line, "LSHELP022", block.IsDefault
                    ? $"SYNTAX marks '{block.SetName}' as (Default); the default parameter set of {cmdlet.Name} is '{cmdlet.DefaultSet}'."
                    : $"SYNTAX must mark '{block.SetName}', the default parameter set of {cmdlet.Name}, as '### {block.SetName} (Default)'.");
            }

            CheckSyntaxParameters(block, block.SetName, cmdlet, problem);
        }
    }

    private static void CheckSyntaxParameters(SyntaxBlock block, string set, CmdletSignature cmdlet,
        Action<int, string, string> problem)
    {
        var expected = cmdlet.Parameters.Where(parameter => parameter.Sets.ContainsKey(set)).Select(parameter => parameter.Name).ToList();
        foreach (var missing in expected.Where(name => !block.ParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            problem(block.Line, "LSHELP023", $"The syntax of the parameter set '{set}' lacks -{missing}.");
        }

        foreach (var extra in block.ParameterNames.Where(name => !expected.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            problem(block.Line, "LSHELP024", $"The syntax of the parameter set '{set}' shows -{extra}, which {cmdlet.Name} " +
                $"does not have in that set.");
        }
    }

    private static void CheckParameters(CommandHelpPage page, CmdletSignature cmdlet, Action<int, string, string> problem)
    {
        if (page.Outline.Section("PARAMETERS") is not { } section)
        {
            return;
        }

        foreach (var parameter in cmdlet.Parameters.Where(parameter =>
                     !page.Parameters.Any(help => string.Equals(help.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))))
        {
            problem(section.Line, "LSHELP030",
                $"{cmdlet.Name} has the parameter -{parameter.Name}, which the page does not document. Add '### -{parameter.Name}' " +
                "under PARAMETERS with a description and its yaml block.");
        }

        foreach (var duplicate in page.Parameters.GroupBy(help => help.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            problem(duplicate.Last().Line, "LSHELP031", $"-{duplicate.Key} is documented more than once.");
        }

        foreach (var help in page.Parameters)
        {
            var parameter = cmdlet.Parameter(help.Name);
            if (parameter == null)
            {
                problem(help.Line, "LSHELP032", $"The page documents -{help.Name}, which {cmdlet.Name} does not have. Remove it, " +
                    "or add the parameter to the cmdlet.");
                continue;
            }

            if (help.Name != parameter.Name)
            {
                problem(help.Line, "LSHELP033", $"-{help.Name} is spelled -{parameter.Name} by {cmdlet.Name}.");
            }

            if (string.IsNullOrWhiteSpace(TextBlocks.PlainText(help.Description)))
            {
                problem(help.Line, "LSHELP034", $"-{parameter.Name} has no description.");
            }

            if (help.Metadata.Count == 0)
            {
                problem(help.Line, "LSHELP035", $"-{parameter.Name} has no yaml block (Type, Parameter Sets, Aliases, Required, Position, ...).");
                continue;
            }

            CheckParameterMetadata(help, parameter, cmdlet, problem);
        }
    }

    private static void CheckParameterMetadata(ParameterHelp help, ParameterSignature parameter, CmdletSignature cmdlet,
        Action<int, string, string> problem)
    {
        var documentedSets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in help.Metadata)
        {
            string? Field(string key)
            {
                if (block.Fields.TryGetValue(key, out var value))
                {
                    return value;
                }

                problem(block.Line, "LSHELP036", $"The yaml block of -{parameter.Name} has no '{key}:' line.");
                return null;
            }

            if (Field("Type") is { } type && !parameter.AcceptsTypeName(type))
            {
                problem(block.Line, "LSHELP037", $"-{parameter.Name} is documented as Type: {type}; it is {parameter.TypeName}.");
            }

            if (Field("Aliases") is { } aliases)
            {
                var written = aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (!written.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(parameter.Aliases.Order(StringComparer.OrdinalIgnoreCase),
                        StringComparer.OrdinalIgnoreCase))
                {
                    problem(block.Line, "LSHELP038", $"-{parameter.Name} is documented with Aliases: {aliases}; its aliases are " +
                        $"{(parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases))}.");
                }
            }

            if (Field("Accept wildcard characters") is { } wildcards && !SameBool(wildcards, parameter.SupportsWildcards))
            {
                problem(block.Line, "LSHELP039", $"-{parameter.Name} is documented with Accept wildcard characters: {wildcards}; " +
                    $"it is {parameter.SupportsWildcards} ([SupportsWildcards]).");
            }

            Field("Default value");
            var setsText = Field("Parameter Sets");
            var required = Field("Required");
            var position = Field("Position");
            var pipeline = Field("Accept pipeline input");
            if (setsText == null)
            {
                continue;
            }

            var sets = setsText.Trim() == AllSetsWritten
                ? cmdlet.Sets
                : setsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var set in sets)
            {
                documentedSets.Add(set);
                if (!parameter.Sets.TryGetValue(set, out var membership))
                {
                    continue;
                }

                if (required != null && !SameBool(required, membership.Mandatory))
                {
                    problem(block.Line, "LSHELP040", $"-{parameter.Name} is documented as Required: {required} in '{set}'; it is " +
                        $"{membership.Mandatory}.");
                }

                if (position != null && !string.Equals(position, membership.PositionText, StringComparison.OrdinalIgnoreCase))
                {
                    problem(block.Line, "LSHELP041", $"-{parameter.Name} is documented at Position: {position} in '{set}'; it is " +
                        $"{membership.PositionText}.");
                }

                if (pipeline != null && !SamePipelineInput(pipeline, membership))
                {
                    problem(block.Line, "LSHELP042", $"-{parameter.Name} is documented with Accept pipeline input: {pipeline} in " +
                        $"'{set}'; it is {membership.PipelineInput}.");
                }
            }
        }

        var actualSets = parameter.Sets.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!documentedSets.SetEquals(actualSets))
        {
            problem(help.Line, "LSHELP043", $"-{parameter.Name} is documented in the parameter sets " +
                $"{Describe(documentedSets, cmdlet)}; {cmdlet.Name} has it in {Describe(actualSets, cmdlet)}.");
        }
    }

    private static string Describe(IReadOnlySet<string> sets, CmdletSignature cmdlet) =>
        sets.SetEquals(cmdlet.Sets) ? AllSetsWritten : string.Join(", ", sets.Order(StringComparer.OrdinalIgnoreCase));

    private static bool SameBool(string written, bool actual) =>
        bool.TryParse(written.Split(' ')[0], out var value) && value == actual;

    private static bool SamePipelineInput(string written, SetMembership membership) =>
        written.StartsWith("False", StringComparison.OrdinalIgnoreCase)
            ? !membership.ByValue && !membership.ByPropertyName
            : written.StartsWith("True", StringComparison.OrdinalIgnoreCase) &&
              written.Contains("ByValue", StringComparison.OrdinalIgnoreCase) == membership.ByValue &&
              written.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase) == membership.ByPropertyName;
}
