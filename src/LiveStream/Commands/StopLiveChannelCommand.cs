using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Stops channels; with -PassThru, reads each again afterwards and writes it. A channel that is not running is
    /// success, with a verbose line. (Theta has no stop call: its service releases the stream's Edge Ingestor.)
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StopLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override ChannelAction Action => ChannelAction.Stop;

        protected override Task<ChannelChange> ChangeAsync(IChannelService service, string channelId,
            CancellationToken cancellationToken) => service.StopAsync(channelId, cancellationToken);
    }
}
