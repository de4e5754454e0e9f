using System;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// -Id of the channel cmdlets: channel ids as strings; a channel gives its Id, a session or an Edge Ingestor
    /// selection the channel it belongs to; other objects their ChannelId, StreamId or Id property. The module's other
    /// objects (an Edge Ingestor, a connection, an event) are refused, whatever their Id. A GUID is sent in lowercase, as
    /// Sigma writes its ids (a GUID copied from another tool may be uppercase); whitespace around an id is kept, so that
    /// the id is refused as malformed and its error shows it.
    /// </summary>
    /// <remarks>
    /// PowerShell binds piped objects to the default parameter set first, so once a piped channel's Connection has bound
    /// there, the channel itself would otherwise reach -Id by value through ToString(), which is the channel's name.
    /// </remarks>
    public sealed class ChannelIdTransformationAttribute : PipelineInputTransformationAttribute
    {
        private static readonly string[] Properties = { "ChannelId", "StreamId", "Id" };

        protected override string[] PropertyNames => Properties;

        protected override string Takes => "a channel";

        protected override string Advice =>
            "Give channel ids (a Sigma GUID, a Theta stream_... id), or objects with a ChannelId or Id property: " +
            "channels from Get-LiveChannel, sessions from Get-LiveSession, rows from Import-Csv or ConvertFrom-Json.";

        protected override string Normalize(string value) =>
            value.Length == 36 && Guid.TryParseExact(value, "D", out _) ? value.ToLowerInvariant() : value;

        protected override bool TryRead(object moduleObject, out string? value)
        {
            value = moduleObject switch
            {
                LiveChannel channel => channel.Id,
                LiveSession session => session.ChannelId,
                IngestorSelection selection => selection.ChannelId,
                _ => null,
            };
            return moduleObject is LiveChannel || moduleObject is LiveSession || moduleObject is IngestorSelection;
        }
    }
}
