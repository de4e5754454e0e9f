using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// Removes channels. -PassThru writes each removed channel as it was just before removal (read before the delete), a
    /// record of what was removed. Theta streams cannot be removed: its API has no delete.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LiveChannel))]
    public sealed class RemoveLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            Dispatch(channelId, "Remove", async token =>
                {
                    var before = PassThru ? await client.GetChannelAsync(channelId, token).ConfigureAwait(false) : null;
                    var outcome = await client.DeleteChannelAsync(channelId, token).ConfigureAwait(false);
                    return (Channel: before, Outcome: outcome);
                },
                removed =>
                {
                    WriteChangeOutcome(removed.Outcome, Describe(client, channelId), "Remove", "gone");
                    WriteChannel(removed.Channel);
                },
                Describe(client, channelId));

        /// <summary>Refused before ShouldProcess: there is nothing to confirm when nothing can be removed.</summary>
        protected override void ChangeTheta(ThetaClient client, string streamId) =>
            WriteErrorInOrder(new ErrorRecord(
                new System.NotSupportedException($"{Describe(client, streamId)} cannot be removed: the Theta API has no " +
                    "call to delete a stream. Reuse it for the next broadcast (a service account holds at most 3 streams); " +
                    "to end a broadcast, run Stop-LiveChannel, which releases its Edge Ingestor."),
                "LiveStream.NotSupported", ErrorCategory.InvalidOperation, streamId));
    }
}
