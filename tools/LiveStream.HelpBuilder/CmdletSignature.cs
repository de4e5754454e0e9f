using System.Management.Automation;
using System.Reflection;

namespace LiveStream.HelpBuilder;

/// <summary>How a parameter takes part in one parameter set.</summary>
internal sealed record SetMembership(bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    public string PipelineInput => (ByPropertyName, ByValue) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByPropertyName)",
        (false, true) => "True (ByValue)",
        _ => "False",
    };

    public string PositionText => Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";
}

internal sealed record ParameterSignature(
    string Name, Type Type, IReadOnlyList<string> Aliases, bool SupportsWildcards, Dictionary<string, SetMembership> Sets)
{
    /// <summary>The type as PlatyPS writes it: the short name, an array's element name with [], a nullable's inner type.</summary>
    public string TypeName => DisplayName(Type);

    public bool IsSwitch => Type == typeof(SwitchParameter);

    public static string DisplayName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? DisplayName(inner) : type.Name;

    public bool AcceptsTypeName(string written) =>
        written == TypeName || written == Type.FullName ||
        (Nullable.GetUnderlyingType(Type) is { } inner && (written == inner.FullName || written == Type.Name));
}

/// <summary>
/// A cmdlet's parameters as Get-Command shows them, read by the engine itself (CmdletInfo) from the compiled type:
/// parameter sets, the WhatIf/Confirm of SupportsShouldProcess and the paging parameters of SupportsPaging included,
/// the common parameters left out (PlatyPS documents them in one CommonParameters paragraph). Sets lists the parameter
/// set names, the default first.
/// </summary>
internal sealed record CmdletSignature(
    string Name, string Verb, string Noun, string DefaultSet, List<string> Sets, List<ParameterSignature> Parameters)
{
    public const string AllSetsName = "__AllParameterSets";

    public ParameterSignature? Parameter(string name) =>
        Parameters.FirstOrDefault(parameter => string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The cmdlets an assembly defines: public, not abstract, with [Cmdlet].</summary>
    public static List<CmdletSignature> ReadAll(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<CmdletAttribute>() != null)
            .Select(Read)
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static CmdletSignature Read(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        var info = new CmdletInfo($"{attribute.VerbName}-{attribute.NounName}", type);
        var sets = info.ParameterSets.OrderByDescending(set => set.IsDefault).Select(set => set.Name).ToList();
        var parameters = new Dictionary<string, ParameterSignature>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in info.ParameterSets)
        {
            foreach (var parameter in set.Parameters.Where(parameter => !Cmdlet.CommonParameters.Contains(parameter.Name)))
            {
                if (!parameters.TryGetValue(parameter.Name, out var signature))
                {
                    signature = new ParameterSignature(parameter.Name, parameter.ParameterType, parameter.Aliases.ToList(),
                        parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
                        new Dictionary<string, SetMembership>(StringComparer.OrdinalIgnoreCase));
                    parameters.Add(parameter.Name, signature);
                }

                signature.Sets[set.Name] = new SetMembership(parameter.IsMandatory,
                    parameter.Position == int.MinValue ? null : parameter.Position,
                    parameter.ValueFromPipeline, parameter.ValueFromPipelineByPropertyName);
            }
        }

        var defaultSet = info.ParameterSets.FirstOrDefault(set => set.IsDefault)?.Name ?? sets[0];
        return new CmdletSignature(info.Name, attribute.VerbName, attribute.NounName, defaultSet, sets, parameters.Values.ToList());
    }
}
