using System.Linq;
using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// Creates channels, one per name. Without Sigma parameters the channel is the Sigma document's sample: transcode,
    /// ultra-low-latency, the 1080p/720p/480p profiles, a 30 s stop timeout and HLS output. On a Theta connection it
    /// creates a stream, which has a name only: the Sigma-only parameters are refused there. The vendor is never guessed:
    /// see <see cref="ChannelCmdlet.ConnectionForCreate"/>.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class NewLiveChannelCommand : ChannelCmdlet
    {
        private string[] _profileIds = SigmaProfiles.DefaultIds;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ChannelNameTransformation]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>
        /// The vendor to create on, with its most recent connection. Needed when both vendors are connected and neither
        /// -Connection nor a Sigma-only parameter says which.
        /// </summary>
        [Parameter]
        public LiveStreamVendor? Vendor { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SigmaOnly]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SigmaOnly]
        [ValidateNotNull]
        public string[] Tag { get; set; } = new string[0];

        /// <summary>Transcode profiles: 1080p, 720p, 480p (the document's three) or profile ids.</summary>
        [Parameter]
        [SigmaOnly]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaProfileCompleter))]
        public string[] Profile { get; set; } = SigmaProfiles.Names;

        /// <summary>UltraLowLatency, LowLatency or Normal, mapped to Sigma's words; any other value is sent as it is.</summary>
        [Parameter]
        [SigmaOnly]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaModeCompleter))]
        public string Mode { get; set; } = "UltraLowLatency";

        /// <summary>Seconds without a signal after which Sigma ends the session.</summary>
        [Parameter]
        [SigmaOnly]
        [ValidateRange(0, 86400)]
        public int StopTimeout { get; set; } = SigmaChannelSpec.DefaultStopTimeout;

        [Parameter]
        [SigmaOnly]
        public SwitchParameter Record { get; set; }

        [Parameter]
        [SigmaOnly]
        [ValidateSet("hls", "dash")]
        public string OutputFormat { get; set; } = "hls";

        /// <summary>The Sigma machine (a GUID) to run the channel on; without it the app's default machine is used.</summary>
        [Parameter]
        [SigmaOnly]
        [ValidateNotNullOrEmpty]
        public string? MachineId { get; set; }

        /// <summary>Records a catchup copy of each session to this S3 destination (New-LiveS3Destination).</summary>
        [Parameter]
        [SigmaOnly]
        [ValidateNotNull]
        public LiveS3Destination? CatchupS3 { get; set; }

        /// <summary>Checks the parameters that are the same for every name before any channel is created.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var ids = Profile.Select(profile => (Given: profile, Id: SigmaProfiles.IdOf(profile))).ToArray();
            var unknown = ids.FirstOrDefault(profile => profile.Id == null).Given;
            if (unknown != null)
            {
                ThrowInputError("LiveStream.InvalidId",
                    $"'{unknown}' is neither a documented profile ({string.Join(", ", SigmaProfiles.Names)}) nor a " +
                    "profile id (a GUID from the Sigma console).", ErrorCategory.InvalidArgument, unknown);
            }

            if (MachineId != null && !SigmaIds.IsId(MachineId))
            {
                ThrowInputError("LiveStream.InvalidId",
                    $"'{MachineId}' is not a Sigma machine id. Machine ids are GUIDs (Sigma console: machines).",
                    ErrorCategory.InvalidArgument, MachineId);
            }

            _profileIds = ids.Select(profile => profile.Id!).ToArray();
        }

        protected override void ProcessRecord()
        {
            var connection = ConnectionForCreate(Vendor);
            if (!CheckParametersFit(connection, Name))
            {
                return;
            }

            if (connection.Vendor == LiveStreamVendor.Sigma)
            {
                CreateSigma(SigmaClientFor(connection));
            }
            else
            {
                CreateTheta(ThetaClientFor(connection));
            }
        }

        /// <summary>A Theta stream has a name only; it starts off, without ingest details (Start-LiveChannel gives them).</summary>
        private void CreateTheta(ThetaClient client)
        {
            var name = Name;
            Dispatch(name, "Create", token => client.CreateStreamAsync(name, token), WriteObject, Describe(client, $"'{name}'"));
        }

        private void CreateSigma(SigmaClient client)
        {
            var spec = new SigmaChannelSpec(Name)
            {
                Description = Description,
                Tags = Tag,
                ProfileIds = _profileIds,
                Mode = SigmaModes.ToApi(Mode),
                StopTimeout = StopTimeout,
                Record = Record,
                OutputFormat = OutputFormat.ToLowerInvariant(),
                MachineId = MachineId?.ToLowerInvariant(),
                CatchupDestination = CatchupS3,
            };
            Dispatch(Name, "Create", token => client.CreateChannelAsync(spec, token), WriteObject, Describe(client, $"'{Name}'"));
        }
    }
}
