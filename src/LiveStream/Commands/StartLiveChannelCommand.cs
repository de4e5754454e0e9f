using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// Starts channels; with -PassThru, reads each again afterwards and writes it. Theta has no start call: a Theta
    /// stream is started by selecting the nearest available Edge Ingestor for it, unless it has one already.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StartLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            DispatchChange(client, channelId, "Start", token => client.StartChannelAsync(channelId, token),
                token => client.GetChannelAsync(channelId, token), PassThru, "already active");

        protected override void ChangeTheta(ThetaClient client, string streamId) =>
            Dispatch(streamId, "Start (select the nearest available Edge Ingestor unless it has one)", async token =>
                {
                    var started = await client.StartStreamAsync(streamId, token).ConfigureAwait(false);
                    var stream = PassThru ? await client.GetStreamAsync(streamId, token).ConfigureAwait(false) : null;
                    return (Stream: stream, started.Outcome, started.Selection, started.Ingestor);
                },
                started =>
                {
                    if (started.Selection is { } selection)
                    {
                        WriteVerbose($"Edge Ingestor {selection.IngestorId} is selected for {streamId}; the stream turns on " +
                            $"when the encoder pushes to {selection.IngestUrl}, and the selection lapses at " +
                            $"{selection.ExpiresAt:T} if none has by then.");
                    }
                    else if (started.Outcome == ChangeOutcome.AlreadySo)
                    {
                        WriteVerbose($"{streamId} already has Edge Ingestor {started.Ingestor!.Id}; nothing was selected.");
                    }
                    else
                    {
                        WriteChangeOutcome(started.Outcome, Describe(client, streamId), "Start",
                            $"started (Edge Ingestor {started.Ingestor!.Id} is selected)");
                    }

                    WriteChannel(started.Stream);
                },
                Describe(client, streamId));
    }
}
