using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Removes channels. -PassThru writes each removed channel as it was just before removal (read before the delete), a
    /// record of what was removed. A vendor without a delete call (Theta) is refused before any request.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LiveChannel))]
    public sealed class RemoveLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override ChannelAction Action => ChannelAction.Remove;

        protected override ChannelFeatures Needs => ChannelFeatures.Remove;

        protected override bool PassesThruBefore => true;

        protected override Task<ChannelChange> ChangeAsync(IChannelService service, string channelId,
            CancellationToken cancellationToken) => service.RemoveAsync(channelId, cancellationToken);
    }
}
