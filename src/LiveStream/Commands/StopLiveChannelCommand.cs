using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>Stops channels; with -PassThru, reads each again afterwards and writes it.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StopLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            DispatchChange(client, channelId, "Stop", token => client.StopChannelAsync(channelId, token), PassThru);
    }
}
