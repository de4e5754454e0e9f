using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Ids;
using LiveStream.Completion;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Releases an Edge Ingestor selected for one of the account's streams (the API's unselect). Disconnect is the
    /// approved verb for breaking the link between a source and a destination: here the stream and its ingestor.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EdgeIngestor", SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Unselect-EdgeIngestor")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEdgeIngestorCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("IngestorId")]
        [IngestorIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IngestorIdCompleter))]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var ingestorId = Id;
            if (!IdForms.Matches(IdKind.ThetaIngestor, ingestorId))
            {
                var hint = IdForms.Matches(IdKind.ThetaStream, ingestorId)
                    ? " It is a stream id: pipe the IngestorSelection that Select-EdgeIngestor returned, or give the ingestor's id."
                    : " Get-EdgeIngestor -State Selected lists the selected ingestors.";
                WriteInputError(ErrorIds.InvalidId,
                    $"'{ingestorId}' is not a Theta Edge Ingestor id (0x followed by 40 hex digits).{hint}",
                    ErrorCategory.InvalidArgument, ingestorId);
                return;
            }

            var ingestors = ResolveConnection(ChannelFeatures.EdgeIngestors).Ingestors(Trace);
            Dispatch(ingestorId, "Release the selection (unselect)",
                token => ingestors.UnselectAsync(ingestorId, token),
                () => WriteVerbose($"Edge Ingestor {ingestorId} is released and available to others again."),
                $"Edge Ingestor {ingestorId}");
        }
    }
}
