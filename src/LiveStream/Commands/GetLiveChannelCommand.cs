using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Channels;

namespace LiveStream.Commands
{
    /// <summary>
    /// Reads channels by id, or lists those of the connected accounts through each one's channel service, page by page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LiveChannel", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LiveChannel))]
    public sealed partial class GetLiveChannelCommand : PerItemCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ChannelIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string[] Id { get; set; } = new string[0];

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Sigma: Idle, Active or Stop. Theta: On or Off. Without -Connection, only the accounts of that vendor are read.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Idle", "Active", "Stop", "On", "Off")]
        public string? Status { get; set; }

        /// <summary>Reads only the connected accounts of this vendor (without -Connection, every connected account is read).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public LiveStreamVendor? Vendor { get; set; }

        /// <summary>How many ids may be read at once (the id set only: a list reads its pages in order).</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, 64)]
        public override int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        // -Skip and -First in the id set: how many channels read are still to skip, and to write.
        private ulong _idsToSkip;
        private ulong _idsToWrite;
        private ulong _idsRead;

        protected override void BeginProcessing()
        {
            _idsToSkip = PagingParameters.Skip;
            _idsToWrite = PagingParameters.First;
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var (_, service, channelId) in new ChannelTargets(this).Resolve(Id))
                {
                    Dispatch(channelId, null, token => service.GetAsync(channelId, token), WriteRead);
                }

                return;
            }

            var names = new ChannelNameFilter(Name);
            if (names.Error != null)
            {
                ThrowTerminatingError(names.Error);
            }

            var statusVendor = VendorProfile.OfStatus(Status)?.Vendor;
            var connections = new ChannelTargets(this).ToList(Vendor ?? (Connection == null ? statusVendor : null));
            if (!CheckStatusFits(connections[0]))
            {
                return;
            }

            if (connections.Count == 1)
            {
                var listed = List(connections[0], names, null);
                if (listed.ReadToEnd)
                {
                    WriteUnmatched(names, listed.NameSentToService ? listed.Matched : 0, connections);
                }

                return;
            }

            ListEach(connections, names);
        }

        /// <summary>
        /// Lists one account's channels through <see cref="PagedOutput"/>, filtered by <paramref name="names"/> unless
        /// the service filtered by the one name already; <paramref name="counted"/>, when given, sees (and may drop)
        /// every channel that matches. A failure is that account's error record.
        /// </summary>
        private (bool ReadToEnd, ulong Matched, bool NameSentToService) List(LiveStreamConnection connection,
            ChannelNameFilter names, Func<LiveChannel, bool>? counted)
        {
            var service = connection.Channels(Trace);
            var nameSent = service.Profile.Supports(ChannelFeatures.NameFilter) ? names.SingleExactName : null;
            Func<LiveChannel, bool>? filter = names.IsEmpty || nameSent != null ? null : names.Matches;
            var keep = counted == null ? filter : channel => (filter == null || filter(channel)) && counted(channel);
            try
            {
                var listed = PagedOutput.Write(this, service.List(new ChannelQuery { Name = nameSent, Status = Status }), keep);
                return (listed.ReadToEnd, listed.Matched, nameSent != null);
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, connection);
                return (false, 0, nameSent != null);
            }
        }

        /// <summary>Writes a channel read by id, within -Skip and -First; -IncludeTotalCount counts them.</summary>
        private void WriteRead(LiveChannel channel)
        {
            _idsRead++;
            if (_idsToSkip > 0)
            {
                _idsToSkip--;
            }
            else if (_idsToWrite > 0)
            {
                _idsToWrite--;
                WriteObject(channel);
            }
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet && PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(_idsRead, 1.0));
            }
        }

        /// <summary>One NotFound record per exact name that no channel of the accounts read matched.</summary>
        private void WriteUnmatched(ChannelNameFilter names, ulong serviceMatched, IReadOnlyList<LiveStreamConnection> connections)
        {
            var withStatus = Status == null ? string.Empty : $" with status {Status}";
            var where = connections.Count == 1
                ? connections[0].ToString()
                : "any of the accounts read (" + string.Join(", ", connections.Select(connection => $"'{connection.Name}'")) + ")";
            foreach (var name in names.Unmatched(serviceMatched))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no channel named '{name}'{withStatus} on {where}. A name " +
                        "without wildcards must match exactly, case included; Get-LiveChannel -Name '*part*' matches loosely."),
                    ErrorIds.NotFound, ErrorCategory.ObjectNotFound, name));
            }
        }

        /// <summary>True when -Status is absent or one of the connection's vendor; otherwise one error record, nothing sent.</summary>
        private bool CheckStatusFits(LiveStreamConnection connection)
        {
            var profile = connection.Profile;
            if (Status == null || profile.HasStatus(Status))
            {
                return true;
            }

            WriteInputError(ErrorIds.InvalidArgument,
                $"-Status {Status} is not a status of {profile} channels, and {connection} is a {profile} connection. " +
                $"Its channels are {string.Join(", ", profile.Statuses)}.",
                ErrorCategory.InvalidArgument, Status);
            return false;
        }
    }
}
