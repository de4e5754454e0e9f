using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// -Id of Disconnect-EdgeIngestor: ingestor ids as strings; an Edge Ingestor gives its Id, a selection its
    /// IngestorId; other objects their IngestorId or Id property. The module's other objects (a channel, whose Id is a
    /// stream's) are refused.
    /// </summary>
    public sealed class IngestorIdTransformationAttribute : PipelineInputTransformationAttribute
    {
        private static readonly string[] Properties = { "IngestorId", "Id" };

        protected override string[] PropertyNames => Properties;

        protected override string Takes => "an Edge Ingestor";

        protected override string Advice =>
            "Give Edge Ingestor ids (0x followed by 40 hex digits), or pipe the IngestorSelection that Select-EdgeIngestor " +
            "returned or an ingestor from Get-EdgeIngestor -State Selected; Stop-LiveChannel releases a stream's ingestor.";

        protected override bool TryRead(object moduleObject, out string? value)
        {
            value = moduleObject switch
            {
                EdgeIngestor ingestor => ingestor.Id,
                IngestorSelection selection => selection.IngestorId,
                _ => null,
            };
            return moduleObject is EdgeIngestor || moduleObject is IngestorSelection;
        }
    }
}
