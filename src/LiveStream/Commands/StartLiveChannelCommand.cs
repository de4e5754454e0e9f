using System.Management.Automation;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>Starts channels; with -PassThru, reads each again afterwards and writes it.</summary>
    [Cmdlet(VerbsLifecycle.Start, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class StartLiveChannelCommand : ChannelChangeCmdlet
    {
        protected override void ChangeSigma(SigmaClient client, string channelId) =>
            DispatchChange(client, channelId, "Start", token => client.StartChannelAsync(channelId, token), PassThru);
    }
}
