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
                token => client.GetChannelAsync(channelId, token), PassThru, "not running");

        protected override void ChangeTheta(ThetaClient client, string streamId) =>
            Dispatch(streamId, "Stop (release its Edge Ingestor)", async token =>
                {
                    var stopped = await client.StopStreamAsync(streamId, token).ConfigureAwait(false);
                    var stream = PassThru ? await client.GetStreamAsync(streamId, token).ConfigureAwait(false) : null;
                    return (Stream: stream, stopped.Outcome, stopped.Released);
                },
                stopped =>
                {
                    if (stopped.Outcome == ChangeOutcome.AlreadySo)
                    {
                        WriteVerbose($"{streamId} has no Edge Ingestor selected; nothing was sent to release.");
                    }
                    else if (stopped.Outcome == ChangeOutcome.Made)
                    {
                        WriteVerbose($"Edge Ingestor {stopped.Released!.Id} is released; {streamId} is off.");
                    }
                    else
                    {
                        WriteChangeOutcome(stopped.Outcome, Describe(client, streamId), "Stop",
                            $"off (Edge Ingestor {stopped.Released!.Id} is released)");
                    }

                    WriteChannel(stopped.Stream);
                },
                Describe(client, streamId));
    }
}
