using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// Stops channels; with -PassThru, reads each again afterwards and writes it. Theta has no stop call: a Theta stream
    /// is stopped by releasing its Edge Ingestor, which cuts the encoder off; a stream without one is left as it is.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StopLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            DispatchChange(client, channelId, "Stop", token => client.StopChannelAsync(channelId, token),
                token => client.GetChannelAsync(channelId, token), PassThru);

        protected override void ChangeTheta(ThetaClient client, string streamId) =>
            Dispatch(streamId, "Stop (release its Edge Ingestor)", async token =>
                {
                    var selected = await client.FindSelectedIngestorAsync(streamId, token).ConfigureAwait(false);
                    if (selected != null)
                    {
                        await client.UnselectIngestorAsync(selected.Id, token).ConfigureAwait(false);
                    }

                    var stream = PassThru ? await client.GetStreamAsync(streamId, token).ConfigureAwait(false) : null;
                    return (Stream: stream, Released: selected);
                },
                stopped =>
                {
                    WriteVerbose(stopped.Released != null
                        ? $"Edge Ingestor {stopped.Released.Id} is released; {streamId} is off."
                        : $"{streamId} has no Edge Ingestor selected; nothing was sent to release.");
                    WriteChannel(stopped.Stream);
                },
                Describe(client, streamId));
    }
}
