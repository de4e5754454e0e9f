using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Starts channels; with -PassThru, reads each again afterwards and writes it. A channel that is started already is
    /// success, with a verbose line. (Theta has no start call: its service selects the nearest available Edge Ingestor.)
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StartLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override ChannelAction Action => ChannelAction.Start;

        protected override Task<ChannelChange> ChangeAsync(IChannelService service, string channelId,
            CancellationToken cancellationToken) => service.StartAsync(channelId, cancellationToken);
    }
}
