using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace LiveStream.Tests.Infrastructure.Hosting;

internal sealed class TextHostUserInterface(TextHost host, TextWriter output, int width) : PSHostUserInterface
{
    private static readonly System.Text.RegularExpressions.Regex AnsiSequence = new("\u001b\\[[0-9;]*[A-Za-z]");

    private readonly TextHostRawUserInterface _raw = new(width);

    public override PSHostRawUserInterface RawUI => _raw;

    /// <summary>Colours only for a terminal; redirected output and tests get plain text.</summary>
    public override bool SupportsVirtualTerminal => host.VirtualTerminal;

    public override string ReadLine() => string.Empty;

    public override SecureString ReadLineAsSecureString() => new();

    public override void Write(string value) => output.Write(Plain(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => output.Write(Plain(value));

    public override void WriteLine(string value) => output.WriteLine(Plain(value));

    /// <summary>The formatter colours table headers itself; a host without a terminal removes those sequences.</summary>
    private string Plain(string value) => host.VirtualTerminal ? value : AnsiSequence.Replace(value, string.Empty);

    public override void WriteErrorLine(string value) => output.WriteLine("ERROR: " + value);

    public override void WriteDebugLine(string message) => output.WriteLine("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => output.WriteLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => output.WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message,
        Collection<FieldDescription> descriptions) =>
        throw new NotSupportedException("This host cannot prompt for input: " + caption);

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices,
        int defaultChoice)
    {
        lock (host.Prompts)
        {
            host.Prompts.Add(caption + ": " + message);
        }

        var wanted = host.ChoiceAnswer;
        for (var i = 0; wanted != null && i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Label, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new NotSupportedException("This host cannot prompt for a credential: pass -Credential.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new NotSupportedException("This host cannot prompt for a credential: pass -Credential.");
}
