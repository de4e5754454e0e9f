using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>A cmdlet that changes each channel it is given (start, stop, remove): ids or channel objects from the pipeline.</summary>
    public abstract class ChannelChangeCmdlet : ChannelCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ChannelIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Writes the channel each change was made to (see each cmdlet for which state of it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachChannelId(Id, ChangeSigma, ChangeTheta);

        /// <summary>Makes this cmdlet's change to one Sigma channel, through Dispatch.</summary>
        protected abstract void ChangeSigma(SigmaClient client, string channelId);

        /// <summary>Makes this cmdlet's change to one Theta stream, through Dispatch, or refuses it.</summary>
        protected abstract void ChangeTheta(ThetaClient client, string streamId);
    }
}
