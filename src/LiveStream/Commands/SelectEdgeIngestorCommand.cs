using System;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Ids;
using LiveStream.Completion;
using LiveStream.Model;

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
            if (Id != null && !IdForms.Matches(IdKind.ThetaIngestor, Id))
            {
                ThrowInputError(ErrorIds.InvalidId,
                    $"'{Id}' is not a Theta Edge Ingestor id. An ingestor id is 0x followed by 40 hex digits; " +
                    "Get-EdgeIngestor lists them. Leave out -Id to select the nearest available ingestor.",
                    ErrorCategory.InvalidArgument, Id);
            }
        }

        /// <summary>Selects even when the stream has an ingestor: the stream moves and its old ingest settings stop working.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var streamId = ChannelId;
            if (!CheckId(IdKind.ThetaStream, streamId))
            {
                return;
            }

            var ingestors = ResolveConnection(ChannelFeatures.EdgeIngestors).Ingestors(Trace);
            var ingestorId = Id;
            var force = Force.IsPresent;
            var action = ingestorId == null
                ? "Select the nearest available Edge Ingestor"
                : $"Select Edge Ingestor {ingestorId}";
            if (force)
            {
                action += " (moves the stream if it has one)";
            }

            Dispatch(streamId, action, async token =>
                {
                    // A stream has one ingestor at a time: selecting again would move it, and the encoder settings of
                    // the first selection would stop working. So what the stream has is kept unless -Force.
                    var current = force ? null : await ingestors.FindSelectionAsync(streamId, token).ConfigureAwait(false);
                    if (current != null)
                    {
                        return (Selection: current, Kept: true);
                    }

                    var selection = ingestorId == null
                        ? await ingestors.SelectNearestAsync(streamId, token).ConfigureAwait(false)
                        : await ingestors.SelectAsync(ingestorId, streamId, token).ConfigureAwait(false);
                    return (Selection: selection, Kept: false);
                },
                result =>
                {
                    if (!result.Kept)
                    {
                        WriteSelection(result.Selection);
                    }
                    else if (ingestorId == null || string.Equals(ingestorId, result.Selection.IngestorId, StringComparison.OrdinalIgnoreCase))
                    {
                        WriteVerbose($"{streamId} already has Edge Ingestor {result.Selection.IngestorId} " +
                            $"({result.Selection.IngestUrl}); it is kept, so the encoder settings stay as they are. " +
                            "-Force selects anew and moves the stream.");
                        WriteObject(result.Selection);
                    }
                    else
                    {
                        WriteErrorInOrder(new ErrorRecord(
                            new InvalidOperationException(
                                $"Theta stream {streamId} already has Edge Ingestor {result.Selection.IngestorId} " +
                                $"({result.Selection.IngestUrl}). Selecting {ingestorId} would move the stream, and the " +
                                "server and stream key its encoder uses would stop working. Add -Force to move it, or " +
                                $"release the current one first (Disconnect-EdgeIngestor -Id {result.Selection.IngestorId})."),
                            ErrorIds.IngestorAlreadySelected, ErrorCategory.ResourceExists, streamId));
                    }
                },
                $"Theta stream {streamId}");
        }

        private void WriteSelection(IngestorSelection selection)
        {
            WriteVerbose($"Edge Ingestor {selection.IngestorId} is selected for {selection.ChannelId}; point the " +
                $"encoder at {selection.IngestUrl} before {selection.ExpiresAt:T} or the selection lapses.");
            WriteObject(selection);
        }
    }
}
