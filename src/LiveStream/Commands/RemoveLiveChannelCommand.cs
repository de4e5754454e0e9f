using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>
    /// Removes channels. -PassThru writes each removed channel as it was just before removal (read before the delete), a
    /// record of what was removed.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LiveChannel))]
    public sealed class RemoveLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            Dispatch(channelId, "Remove", async token =>
                {
                    var before = PassThru ? await client.GetChannelAsync(channelId, token).ConfigureAwait(false) : null;
                    await client.DeleteChannelAsync(channelId, token).ConfigureAwait(false);
                    return before;
                },
                WriteChannel, Describe(client, channelId));
    }
}
