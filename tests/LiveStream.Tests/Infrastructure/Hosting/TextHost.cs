using System.Globalization;
using System.Management.Automation.Host;

namespace LiveStream.Tests.Infrastructure.Hosting;

/// <summary>
/// A minimal PowerShell host that writes everything to a TextWriter, so Out-Default renders through the module's
/// format views. Prompts (such as -Confirm) are answered by <see cref="ChoiceAnswer"/> and remembered.
/// </summary>
public sealed class TextHost : PSHost
{
    private readonly TextHostUserInterface _ui;

    public TextHost(TextWriter output, int width = 160, bool virtualTerminal = false)
    {
        VirtualTerminal = virtualTerminal;
        _ui = new TextHostUserInterface(this, output, width);
    }

    /// <summary>The label to pick at a choice prompt, e.g. "&amp;No" or "&amp;Yes". Null picks the prompt's default.</summary>
    public string? ChoiceAnswer { get; set; } = "&No";

    public List<string> Prompts { get; } = [];

    public bool VirtualTerminal { get; }

    public override string Name => "LiveStream.TextHost";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException("This host has no nested prompt.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("This host has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}
