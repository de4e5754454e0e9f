using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Ids;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>
    /// Creates channels, one per name, through the channel service of the connection. Without setting parameters a Sigma
    /// channel is the Sigma document's sample: transcode, ultra-low-latency, the 1080p/720p/480p profiles, a 30 s stop
    /// timeout and HLS output. A vendor without channel settings (a Theta stream has a name only) refuses them. The
    /// vendor is never guessed: see <see cref="ChannelTargets.ForCreate"/>.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LiveChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LiveChannel))]
    public sealed class NewLiveChannelCommand : PerItemCmdlet
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
        [ChannelSetting]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ChannelSetting]
        [ValidateNotNull]
        public string[] Tag { get; set; } = new string[0];

        /// <summary>Transcode profiles: 1080p, 720p, 480p (the document's three) or profile ids.</summary>
        [Parameter]
        [ChannelSetting]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaProfileCompleter))]
        public string[] Profile { get; set; } = SigmaProfiles.Names;

        /// <summary>UltraLowLatency, LowLatency or Normal, mapped to Sigma's words; any other value is sent as it is.</summary>
        [Parameter]
        [ChannelSetting]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaModeCompleter))]
        public string Mode { get; set; } = "UltraLowLatency";

        /// <summary>Seconds without a signal after which Sigma ends the session.</summary>
        [Parameter]
        [ChannelSetting]
        [ValidateRange(0, 86400)]
        public int StopTimeout { get; set; } = ChannelSettings.DefaultStopTimeout;

        [Parameter]
        [ChannelSetting]
        public SwitchParameter Record { get; set; }

        [Parameter]
        [ChannelSetting]
        [ValidateSet("hls", "dash")]
        public string OutputFormat { get; set; } = "hls";

        /// <summary>The Sigma machine (a GUID) to run the channel on; without it the app's default machine is used.</summary>
        [Parameter]
        [ChannelSetting]
        [ValidateNotNullOrEmpty]
        public string? MachineId { get; set; }

        /// <summary>Records a catchup copy of each session to this S3 destination (New-LiveS3Destination).</summary>
        [Parameter]
        [ChannelSetting]
        [ValidateNotNull]
        public LiveS3Destination? CatchupS3 { get; set; }

        /// <summary>Checks the parameters that are the same for every name before any channel is created.</summary>
        protected override void BeginProcessing()
        {
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            var ids = Profile.Select(profile => (Given: profile, Id: SigmaProfiles.IdOf(profile))).ToArray();
            var unknown = ids.FirstOrDefault(profile => profile.Id == null).Given;
            if (unknown != null)
            {
                ThrowInputError(ErrorIds.InvalidId,
                    $"'{unknown}' is neither a documented profile ({string.Join(", ", SigmaProfiles.Names)}) nor a " +
                    "profile id (a GUID from the Sigma console).", ErrorCategory.InvalidArgument, unknown);
            }

            if (MachineId != null && !IdForms.Matches(IdKind.SigmaMachine, MachineId))
            {
                ThrowInputError(ErrorIds.InvalidId,
                    $"'{MachineId}' is not a Sigma machine id. Machine ids are GUIDs (Sigma console: machines).",
                    ErrorCategory.InvalidArgument, MachineId);
            }

            _profileIds = ids.Select(profile => profile.Id!).ToArray();
        }

        private static readonly string[] SettingNames = ChannelSettingAttribute.ParameterNames(typeof(NewLiveChannelCommand));

        // The parameters given on the command line, apart from those bound from each piped object's properties.
        private HashSet<string>? _givenOnCommandLine;

        protected override void ProcessRecord()
        {
            var connection = new ChannelTargets(this).ForCreate(Vendor,
                GivenSettings().Length > 0 ? ChannelFeatures.ChannelSettings : ChannelFeatures.None, "-Description");
            var service = connection.Channels(Trace);
            var settings = service.Profile.Supports(ChannelFeatures.ChannelSettings) ? Settings() : null;
            if (settings == null && !CheckSettingsLeftOut(connection, Name))
            {
                return;
            }

            var spec = new ChannelSpec(Name, settings);
            Dispatch(Name, "Create", token => service.CreateAsync(spec, token), WriteObject, service.Describe($"'{Name}'"));
        }

        private ChannelSettings Settings() => new ChannelSettings
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

        /// <summary>The setting parameters bound with a value (an empty text or list counts as not given).</summary>
        private string[] GivenSettings(bool onCommandLineOnly = false) =>
            SettingNames
                .Where(name => MyInvocation.BoundParameters.TryGetValue(name, out var value) && HasValue(value))
                .Where(name => !onCommandLineOnly || _givenOnCommandLine == null || _givenOnCommandLine.Contains(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

        private static bool HasValue(object? value) => value switch
        {
            null => false,
            string text => text.Length > 0,
            Array list => list.Length > 0,
            _ => true,
        };

        /// <summary>
        /// For a vendor that takes no settings: true when none was given on the command line; otherwise one error record
        /// that names them, in input order, and nothing is sent. Settings bound from a piped object's properties (a Sigma
        /// channel copied to Theta, a CSV's Description column) are left out, with a verbose line.
        /// </summary>
        private bool CheckSettingsLeftOut(LiveStreamConnection connection, object target)
        {
            var given = GivenSettings(onCommandLineOnly: true);
            var piped = GivenSettings().Except(given).ToArray();
            var only = string.Join("/", VendorProfile.Supporting(ChannelFeatures.ChannelSettings)) + " only";
            if (piped.Length > 0)
            {
                WriteVerbose($"{string.Join(", ", piped.Select(name => "-" + name))} of the piped object left out for " +
                    $"'{target}': {only}, and {connection} is a {connection.Profile} connection.");
            }

            if (given.Length == 0)
            {
                return true;
            }

            var names = string.Join(", ", given.Select(name => "-" + name));
            var kind = string.Join("/", VendorProfile.Supporting(ChannelFeatures.ChannelSettings)) + "-only parameter";
            WriteErrorInOrder(new ErrorRecord(
                new ArgumentException($"{names} {(given.Length == 1 ? "is a " + kind : "are " + kind + "s")} " +
                    $"of {MyInvocation.MyCommand.Name}, and {connection} is a {connection.Profile} connection. Leave " +
                    $"{(given.Length == 1 ? "it" : "them")} out, or pass a connection that takes them with -Connection."),
                ErrorIds.ParameterNotSupported, ErrorCategory.InvalidArgument, target));
            return false;
        }
    }
}
