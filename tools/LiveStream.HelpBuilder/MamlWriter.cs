using System.Xml;

namespace LiveStream.HelpBuilder;

/// <summary>
/// Writes cmdlet help as MAML, the XML that Get-Help reads for binary cmdlets (what PlatyPS's New-ExternalHelp writes):
/// one command:command per page, with the syntax of each parameter set, the parameters, inputs, outputs, notes,
/// examples and related links.
/// </summary>
internal static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(string path, IEnumerable<(CommandHelpPage Page, CmdletSignature Cmdlet)> commands)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("helpItems", Msh);
        writer.WriteAttributeString("schema", "maml");
        foreach (var (page, cmdlet) in commands)
        {
            WriteCommand(writer, page, cmdlet);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter writer, CommandHelpPage page, CmdletSignature cmdlet)
    {
        writer.WriteStartElement("command", "command", Command);
        writer.WriteAttributeString("xmlns", "maml", null, Maml);
        writer.WriteAttributeString("xmlns", "dev", null, Dev);

        writer.WriteStartElement("command", "details", Command);
        writer.WriteElementString("command", "name", Command, cmdlet.Name);
        writer.WriteElementString("command", "verb", Command, cmdlet.Verb);
        writer.WriteElementString("command", "noun", Command, cmdlet.Noun);
        WriteDescription(writer, page.Synopsis);
        writer.WriteEndElement();

        WriteDescription(writer, page.Description);
        WriteSyntax(writer, page, cmdlet);

        writer.WriteStartElement("command", "parameters", Command);
        foreach (var help in page.Parameters)
        {
            WriteParameter(writer, help, cmdlet.Parameter(help.Name)!, FirstSetOf(help, cmdlet));
        }

        writer.WriteEndElement();

        WriteTypes(writer, "inputTypes", "inputType", page.Inputs);
        WriteTypes(writer, "returnValues", "returnValue", page.Outputs);

        writer.WriteStartElement("maml", "alertSet", Maml);
        writer.WriteStartElement("maml", "alert", Maml);
        WriteParagraphs(writer, page.Notes);
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement("command", "examples", Command);
        foreach (var example in page.Examples)
        {
            writer.WriteStartElement("command", "example", Command);
            writer.WriteElementString("maml", "title", Maml, $"-------------------------- {example.Title} --------------------------");
            if (example.Introduction.Count > 0)
            {
                writer.WriteStartElement("maml", "introduction", Maml);
                WriteParagraphs(writer, example.Introduction);
                writer.WriteEndElement();
            }

            writer.WriteElementString("dev", "code", Dev, example.Code ?? string.Empty);
            writer.WriteStartElement("dev", "remarks", Dev);
            WriteParagraphs(writer, example.Remarks);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        writer.WriteStartElement("command", "relatedLinks", Command);
        if (page.OnlineVersion is { } online)
        {
            WriteLink(writer, "Online Version:", online);
        }

        foreach (var link in page.RelatedLinks)
        {
            WriteLink(writer, link.Text, link.Uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link.Uri : string.Empty);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>One syntax item per parameter set, its parameters in the order the page's SYNTAX shows them.</summary>
    private static void WriteSyntax(XmlWriter writer, CommandHelpPage page, CmdletSignature cmdlet)
    {
        writer.WriteStartElement("command", "syntax", Command);
        foreach (var set in cmdlet.Sets)
        {
            var block = page.Syntax.FirstOrDefault(block => block.SetName == set) ?? page.Syntax.FirstOrDefault();
            var order = block?.ParameterNames ?? [];
            var parameters = cmdlet.Parameters.Where(parameter => parameter.Sets.ContainsKey(set))
                .OrderBy(parameter => IndexOf(order, parameter.Name));
            writer.WriteStartElement("command", "syntaxItem", Command);
            writer.WriteElementString("maml", "name", Maml, cmdlet.Name);
            foreach (var parameter in parameters)
            {
                var help = page.Parameters.First(help => string.Equals(help.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                WriteParameter(writer, help, parameter, set);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteParameter(XmlWriter writer, ParameterHelp help, ParameterSignature parameter, string set)
    {
        var membership = parameter.Sets[set];
        var defaultValue = help.Metadata.Select(block => block.Fields.GetValueOrDefault("Default value"))
            .FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? "None";
        writer.WriteStartElement("command", "parameter", Command);
        writer.WriteAttributeString("required", membership.Mandatory ? "true" : "false");
        writer.WriteAttributeString("variableLength", "true");
        writer.WriteAttributeString("globbing", parameter.SupportsWildcards ? "true" : "false");
        writer.WriteAttributeString("pipelineInput", membership.PipelineInput);
        writer.WriteAttributeString("position", membership.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        writer.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
        writer.WriteElementString("maml", "name", Maml, parameter.Name);
        WriteDescription(writer, help.Description);
        if (!parameter.IsSwitch)
        {
            writer.WriteStartElement("command", "parameterValue", Command);
            writer.WriteAttributeString("required", "true");
            writer.WriteAttributeString("variableLength", "false");
            writer.WriteString(parameter.TypeName);
            writer.WriteEndElement();
        }

        writer.WriteStartElement("dev", "type", Dev);
        writer.WriteElementString("maml", "name", Maml, parameter.TypeName);
        writer.WriteElementString("maml", "uri", Maml, string.Empty);
        writer.WriteEndElement();
        writer.WriteElementString("dev", "defaultValue", Dev, defaultValue);
        writer.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter writer, string listName, string itemName, List<TypeHelp> types)
    {
        writer.WriteStartElement("command", listName, Command);
        foreach (var type in types)
        {
            writer.WriteStartElement("command", itemName, Command);
            writer.WriteStartElement("dev", "type", Dev);
            writer.WriteElementString("maml", "name", Maml, type.TypeName);
            writer.WriteEndElement();
            WriteDescription(writer, type.Description);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteDescription(XmlWriter writer, List<SourceLine> lines)
    {
        writer.WriteStartElement("maml", "description", Maml);
        WriteParagraphs(writer, lines);
        writer.WriteEndElement();
    }

    private static void WriteParagraphs(XmlWriter writer, List<SourceLine> lines)
    {
        var blocks = TextBlocks.From(lines);
        if (blocks.Count == 0)
        {
            writer.WriteElementString("maml", "para", Maml, string.Empty);
        }

        foreach (var block in blocks)
        {
            writer.WriteElementString("maml", "para", Maml, block.Text);
        }
    }

    private static void WriteLink(XmlWriter writer, string text, string uri)
    {
        writer.WriteStartElement("maml", "navigationLink", Maml);
        writer.WriteElementString("maml", "linkText", Maml, text);
        writer.WriteElementString("maml", "uri", Maml, uri);
        writer.WriteEndElement();
    }

    private static string FirstSetOf(ParameterHelp help, CmdletSignature cmdlet)
    {
        var parameter = cmdlet.Parameter(help.Name)!;
        return cmdlet.Sets.First(parameter.Sets.ContainsKey);
    }

    private static int IndexOf(List<string> order, string name)
    {
        var index = order.FindIndex(written => string.Equals(written, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
