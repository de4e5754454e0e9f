using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// Reads channels by id, or lists those of a connection: a Sigma app's channels (paged by Sigma) or a Theta service
    /// account's streams (answered whole).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LiveChannel", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LiveChannel))]
    public sealed class GetLiveChannelCommand : ChannelCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private static readonly string[] SigmaStatuses = { "Idle", "Active", "Stop" };
        private static readonly string[] ThetaStatuses = { "On", "Off" };

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

        /// <summary>Sigma: Idle, Active or Stop. Theta: On or Off.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Idle", "Active", "Stop", "On", "Off")]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                ForEachChannelId(Id, GetSigma, GetTheta);
                return;
            }

            var connection = ConnectionFor(null);
            if (!CheckStatusFits(connection))
            {
                return;
            }

            var names = new NameFilter(Name);
            if (connection.Vendor == LiveStreamVendor.Sigma)
            {
                ListSigma(SigmaClientFor(connection), names);
            }
            else
            {
                ListTheta(ThetaClientFor(connection), names);
            }
        }

        private void GetSigma(SigmaClient client, string channelId) =>
            Dispatch(channelId, null, token => client.GetChannelAsync(channelId, token), WriteObject);

        private void GetTheta(ThetaClient client, string streamId) =>
            Dispatch(streamId, null, token => client.GetStreamAsync(streamId, token), WriteObject);

        /// <summary>
        /// Pages through the app's channels. A status and one exact name are sent as Sigma's q filter; other names are
        /// matched here, page by page.
        /// </summary>
        private void ListSigma(SigmaClient client, NameFilter names)
        {
            var nameSent = names.SingleExactName;
            var q = new SigmaListQuery().Where("status", Status?.ToLowerInvariant()).Where("name", nameSent).Filter;
            WriteList(client, names, nameSent != null, keep => PagedOutput.Write(this, SigmaClient.MaxPerPage,
                (page, perPage) => Await(token => client.ListChannelsAsync(q, SigmaClient.ChannelListOrder, page, perPage, token)),
                keep));
        }

        /// <summary>The account's streams (at most three, in one answer); the status is Theta's filter, names are matched here.</summary>
        private void ListTheta(ThetaClient client, NameFilter names)
        {
            var status = Status == null ? (ThetaStreamStatus?)null
                : (ThetaStreamStatus)Enum.Parse(typeof(ThetaStreamStatus), Status, ignoreCase: true);
            WriteList(client, names, false, keep => PagedOutput.WriteWhole(this,
                () => Await(token => client.ListStreamsAsync(status, token)), keep));
        }

        /// <summary>
        /// Writes a list through <paramref name="list"/>, filtered here by <paramref name="names"/> unless the service
        /// filtered by the one name already, then one NotFound record per exact name that matched nothing.
        /// </summary>
        private void WriteList(VendorClient client, NameFilter names, bool nameSentToService,
            Func<Func<LiveChannel, bool>?, (bool ReadToEnd, ulong Matched)> list)
        {
            (bool ReadToEnd, ulong Matched) listed;
            try
            {
                listed = list(names.IsEmpty || nameSentToService ? null : names.Matches);
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, client.Origin);
                return;
            }

            if (!listed.ReadToEnd)
            {
                return;
            }

            var withStatus = Status == null ? string.Empty : $" with status {Status}";
            foreach (var name in names.Unmatched(nameSentToService, listed.Matched))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no channel named '{name}'{withStatus} on {client.Origin}. A name " +
                        "without wildcards must match exactly, case included; Get-LiveChannel -Name '*part*' matches loosely."),
                    "LiveStream.NotFound", ErrorCategory.ObjectNotFound, name));
            }
        }

        /// <summary>True when -Status is absent or one of the connection's vendor; otherwise one error record, nothing sent.</summary>
        private bool CheckStatusFits(LiveStreamConnection connection)
        {
            var statuses = connection.Vendor == LiveStreamVendor.Theta ? ThetaStatuses : SigmaStatuses;
            if (Status == null || statuses.Contains(Status, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            WriteInputError("LiveStream.InvalidArgument",
                $"-Status {Status} is not a status of {connection.Vendor} channels, and {connection} is a " +
                $"{connection.Vendor} connection. Its channels are {string.Join(", ", statuses)}.",
                ErrorCategory.InvalidArgument, Status);
            return false;
        }

        /// <summary>
        /// -Name: a name without wildcards matches exactly (as Sigma compares names); a pattern with wildcards matches
        /// case-insensitively.
        /// </summary>
        private sealed class NameFilter
        {
            private readonly string[] _names;
            private readonly HashSet<string> _exactNames;
            private readonly WildcardPattern[] _patterns;
            private readonly HashSet<string> _exactSeen = new HashSet<string>(StringComparer.Ordinal);

            public NameFilter(string[]? names)
            {
                _names = names ?? new string[0];
                _exactNames = new HashSet<string>(_names.Where(name => !WildcardPattern.ContainsWildcardCharacters(name)),
                    StringComparer.Ordinal);
                _patterns = _names.Where(WildcardPattern.ContainsWildcardCharacters)
                    .Select(name => new WildcardPattern(name, WildcardOptions.IgnoreCase)).ToArray();
            }

            public bool IsEmpty => _names.Length == 0;

            /// <summary>The name when -Name is one name without wildcards, which a service can filter on.</summary>
            public string? SingleExactName => _names.Length == 1 && _exactNames.Count == 1 ? _names[0] : null;

            public bool Matches(LiveChannel channel)
            {
                if (_exactNames.Contains(channel.Name))
                {
                    _exactSeen.Add(channel.Name);
                    return true;
                }

                return _patterns.Any(pattern => pattern.IsMatch(channel.Name));
            }

            /// <summary>The exact names no channel matched, once the whole list was read.</summary>
            public IEnumerable<string> Unmatched(bool nameSentToService, ulong matched) =>
                _exactNames.Where(name => nameSentToService ? matched == 0 : !_exactSeen.Contains(name));
        }
    }
}
