using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Select, "EdgeIngestor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IngestorSelection))]
    public sealed class SelectEdgeIngestorCommand : PerItemCmdlet
    {
        /// <summary>The ingestor to select; without it, the nearest available one.</summary>
        [Parameter]
        [Alias("IngestorId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IngestorIdCompleter))]
        public string? Id { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StreamId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ThetaChannelIdCompleter))]
        public string ChannelId { get; set; } = string.Empty;

        protected override void BeginProcessing()
        {
            if (Id != null && !ThetaIds.IsIngestorId(Id))
            {
                ThrowInputError("LiveStream.InvalidId",
                    $"'{Id}' is not a Theta Edge Ingestor id. An ingestor id is 0x followed by 40 hex digits; " +
                    "Get-EdgeIngestor lists them. Leave out -Id to select the nearest available ingestor.",
                    ErrorCategory.InvalidArgument, Id);
            }
        }

        protected override void ProcessRecord()
        {
            var streamId = ChannelId;
            if (!CheckThetaStreamId(streamId))
            {
                return;
            }

            var client = ThetaClientFor(ResolveConnection(LiveStreamVendor.Theta));
            var ingestorId = Id;
            if (ingestorId == null)
            {
                Dispatch(streamId, "Select the nearest available Edge Ingestor",
                    token => client.SelectNearestIngestorAsync(streamId, token), WriteSelection, $"Theta stream {streamId}");
            }
            else
            {
                Dispatch(streamId, $"Select Edge Ingestor {ingestorId}",
                    token => client.SelectIngestorAsync(ingestorId, streamId, token), WriteSelection,
                    $"Theta stream {streamId}");
            }
        }

        private void WriteSelection(IngestorSelection selection)
        {
            WriteVerbose($"Edge Ingestor {selection.IngestorId} is selected for {selection.ChannelId}; point the " +
                $"encoder at {selection.IngestUrl} before {selection.ExpiresAt:T} or the selection lapses.");
            WriteObject(selection);
        }
    }
}
