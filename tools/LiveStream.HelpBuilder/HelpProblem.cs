namespace LiveStream.HelpBuilder;

/// <summary>A help page that does not match its cmdlet, in MSBuild's error format so the build names file and line.</summary>
internal sealed record HelpProblem(string File, int Line, string Code, string Message)
{
    public override string ToString() => $"{File}({Line}): error {Code}: {Message}";
}
