using System.Management.Automation.Host;

namespace LiveStream.Tests.Infrastructure.Hosting;

/// <summary>A fixed-size screen: enough for the formatter to know how wide a table may be.</summary>
internal sealed class TextHostRawUserInterface(int width) : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize { get; set; } = new(width, 9999);

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; } = 1;

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(width, 100);

    public override Size MaxWindowSize => new(width, 100);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get; set; } = new(width, 100);

    public override string WindowTitle { get; set; } = "LiveStream";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("This host reads no keys.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
    {
    }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
    {
    }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
    }
}
