using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// A cmdlet that changes each channel it is given (start, stop, remove), ids or channel objects from the pipeline,
    /// through the channel service of the channel's connection: one call per channel, after ShouldProcess.
    /// </summary>
    public abstract class ChannelChangeCmdlet : PerItemCmdlet
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

        /// <summary>The verb as ShouldProcess shows it: Start, Stop, Remove.</summary>
        protected abstract ChannelAction Action { get; }

        /// <summary>What the vendor must support for this change (Remove: deleting channels).</summary>
        protected virtual ChannelFeatures Needs => ChannelFeatures.None;

        /// <summary>True when -PassThru writes the channel as it was before the change (a record of what was removed).</summary>
        protected virtual bool PassesThruBefore => false;

        protected abstract Task<ChannelChange> ChangeAsync(IChannelService service, string channelId,
            CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            foreach (var (_, service, channelId) in new ChannelTargets(this).Resolve(Id))
            {
                if (!service.Profile.Supports(Needs))
                {
                    // Refused before ShouldProcess: there is nothing to confirm when nothing can be changed.
                    WriteErrorInOrder(NotSupported(service, channelId));
                    continue;
                }

                Dispatch(channelId, ActionText(service.Profile), async token =>
                    {
                        var before = PassThru && PassesThruBefore
                            ? await service.GetAsync(channelId, token).ConfigureAwait(false)
                            : null;
                        var change = await ChangeAsync(service, channelId, token).ConfigureAwait(false);
                        var after = PassThru && !PassesThruBefore
                            ? await service.GetAsync(channelId, token).ConfigureAwait(false)
                            : null;
                        return (Change: change, Channel: before ?? after);
                    },
                    done =>
                    {
                        if (done.Change.Report != null)
                        {
                            WriteVerbose(done.Change.Report);
                        }

                        if (done.Channel != null)
                        {
                            WriteObject(done.Channel);
                        }
                    },
                    service.Describe(channelId));
            }
        }

        /// <summary>"Start", or "Start (how this vendor does it)" when the vendor has no such call of its own.</summary>
        private string ActionText(VendorProfile profile) =>
            profile.HowItDoes(Action) is string how ? $"{Action} ({how})" : Action.ToString();

        private ErrorRecord NotSupported(IChannelService service, string channelId)
        {
            var record = new ErrorRecord(
                new System.NotSupportedException($"{service.Describe(channelId)} cannot be " +
                    $"{Past(Action)}: {service.Profile.WhyNot(Needs)}; to end a broadcast, run " +
                    "Stop-LiveChannel."),
                ErrorIds.NotSupported, ErrorCategory.InvalidOperation, channelId);
            return record;
        }

        private static string Past(ChannelAction action) => action switch
        {
            ChannelAction.Start => "started",
            ChannelAction.Stop => "stopped",
            _ => "removed",
        };
    }
}
