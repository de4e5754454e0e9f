using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// -Name of New-LiveChannel: names as strings (or numbers); a channel gives its Name (a copy by name, for example
    /// onto another connection), other objects their Name property (a row of Import-Csv). The module's other objects
    /// are refused: a session's or a connection's name is not a channel's.
    /// </summary>
    public sealed class ChannelNameTransformationAttribute : PipelineInputTransformationAttribute
    {
        private static readonly string[] Properties = { "Name" };

        protected override string[] PropertyNames => Properties;

        protected override string Takes => "a channel name";

        protected override string Advice =>
            "Give names as strings, or objects with a Name property: rows from Import-Csv or ConvertFrom-Json, or " +
            "channels from Get-LiveChannel.";

        protected override bool TryRead(object moduleObject, out string? value)
        {
            value = (moduleObject as LiveChannel)?.Name;
            return moduleObject is LiveChannel;
        }
    }
}
