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

        /// <summary>Sigma: Idle, Active or Stop. Theta: On or Off. Without -Connection, only the accounts of that vendor are read.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Idle", "Active", "Stop", "On", "Off")]
        public string? Status { get; set; }

        /// <summary>Reads only the connected accounts of this vendor (without -Connection, every connected account is read).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public LiveStreamVendor? Vendor { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                ForEachChannelId(Id, GetSigma, GetTheta);
                return;
            }

            var names = new NameFilter(Name);
            if (names.Error != null)
            {
                ThrowTerminatingError(names.Error);
            }

            var statusVendor = Status == null ? (LiveStreamVendor?)null
                : ThetaStatuses.Contains(Status, StringComparer.OrdinalIgnoreCase) ? LiveStreamVendor.Theta : LiveStreamVendor.Sigma;
            var connections = ConnectionsToList(Vendor ?? (Connection == null ? statusVendor : null));
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
        /// Lists several accounts one after another as one list: -Skip and -First count across them, and
        /// -IncludeTotalCount writes one total, last.
        /// </summary>
        private void ListEach(IReadOnlyList<LiveStreamConnection> connections, NameFilter names)
        {
            var paging = PagingParameters;
            ulong skip = paging.Skip, first = paging.First, total = 0, serviceMatched = 0;
            var countTotal = paging.IncludeTotalCount.IsPresent;
            var allRead = true;
            try
            {
                if (countTotal)
                {
                    // Every page is read for the total anyway; -Skip and -First are applied here, item by item.
                    paging.IncludeTotalCount = false;
                    paging.Skip = 0;
                    paging.First = ulong.MaxValue;
                }

                foreach (var connection in connections)
                {
                    if (!countTotal && first == 0)
                    {
                        allRead = false;
                        break;
                    }

                    ulong matchedHere = 0;
                    var listed = List(connection, names, matching =>
                    {
                        matchedHere++;
                        total++;
                        if (!countTotal)
                        {
                            return true;
                        }

                        if (skip > 0)
                        {
                            skip--;
                            return false;
                        }

                        if (first == 0)
                        {
                            return false;
                        }

                        first--;
                        return true;
                    });
                    allRead &= listed.ReadToEnd;
                    serviceMatched += listed.NameSentToService ? matchedHere : 0;
                    if (!countTotal)
                    {
                        var written = Math.Min(paging.First, matchedHere > paging.Skip ? matchedHere - paging.Skip : 0);
                        skip = paging.Skip > matchedHere ? paging.Skip - matchedHere : 0;
                        first = paging.First - written;
                        paging.Skip = skip;
                        paging.First = first;
                    }
                }
            }
            finally
            {
                paging.IncludeTotalCount = countTotal;
            }

            if (countTotal)
            {
                WriteObject(paging.NewTotalCount(total, allRead ? 1.0 : 0.0));
            }

            if (allRead)
            {
                WriteUnmatched(names, serviceMatched, connections);
            }
        }

        /// <summary>
        /// Lists one account's channels through <see cref="PagedOutput"/>, filtered by <paramref name="names"/> unless
        /// the service filtered by the one name already; <paramref name="counted"/>, when given, sees (and may drop)
        /// every channel that matches. A failure is that account's error record.
        /// </summary>
        private (bool ReadToEnd, ulong Matched, bool NameSentToService) List(LiveStreamConnection connection,
            NameFilter names, Func<LiveChannel, bool>? counted)
        {
            var nameSent = connection.Vendor == LiveStreamVendor.Sigma ? names.SingleExactName : null;
            Func<LiveChannel, bool>? filter = names.IsEmpty || nameSent != null ? null : names.Matches;
            var keep = counted == null ? filter : channel => (filter == null || filter(channel)) && counted(channel);
            try
            {
                var listed = connection.Vendor == LiveStreamVendor.Sigma
                    ? ListSigma(SigmaClientFor(connection), nameSent, keep)
                    : ListTheta(ThetaClientFor(connection), keep);
                return (listed.ReadToEnd, listed.Matched, nameSent != null);
            }
            catch (LiveStreamApiException exception)
            {
                WriteApiError(exception, connection);
                return (false, 0, nameSent != null);
            }
        }

        private void GetSigma(SigmaClient client, string channelId) =>
            Dispatch(channelId, null, token => client.GetChannelAsync(channelId, token), WriteObject);

        private void GetTheta(ThetaClient client, string streamId) =>
            Dispatch(streamId, null, token => client.GetStreamAsync(streamId, token), WriteObject);

        /// <summary>Pages through the app's channels. A status and one exact name are sent as Sigma's q filter.</summary>
        private (bool ReadToEnd, ulong Matched) ListSigma(SigmaClient client, string? nameSent, Func<LiveChannel, bool>? keep)
        {
            var q = new SigmaListQuery().Where("status", Status?.ToLowerInvariant()).Where("name", nameSent).Filter;
            return PagedOutput.Write(this, SigmaClient.MaxPerPage,
                (page, perPage) => Await(token => client.ListChannelsAsync(q, SigmaClient.ChannelListOrder, page, perPage, token)),
                keep);
        }

        /// <summary>The account's streams (at most three, in one answer); the status is Theta's filter, names are matched here.</summary>
        private (bool ReadToEnd, ulong Matched) ListTheta(ThetaClient client, Func<LiveChannel, bool>? keep)
        {
            var status = Status == null ? (ThetaStreamStatus?)null
                : (ThetaStreamStatus)Enum.Parse(typeof(ThetaStreamStatus), Status, ignoreCase: true);
            return PagedOutput.WriteWhole(this, () => Await(token => client.ListStreamsAsync(status, token)), keep);
        }

        /// <summary>One NotFound record per exact name that no channel of the accounts read matched.</summary>
        private void WriteUnmatched(NameFilter names, ulong serviceMatched, IReadOnlyList<LiveStreamConnection> connections)
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
        /// case-insensitively. A malformed pattern is <see cref="Error"/>.
        /// </summary>
        private sealed class NameFilter
        {
            private readonly string[] _names;
            private readonly HashSet<string> _exactNames;
            private readonly List<WildcardPattern> _patterns = new List<WildcardPattern>();
            private readonly HashSet<string> _exactSeen = new HashSet<string>(StringComparer.Ordinal);

            public NameFilter(string[]? names)
            {
                _names = names ?? new string[0];
                _exactNames = new HashSet<string>(_names.Where(name => !WildcardPattern.ContainsWildcardCharacters(name)),
                    StringComparer.Ordinal);
                foreach (var name in _names.Where(WildcardPattern.ContainsWildcardCharacters))
                {
                    var pattern = NamePattern.Create(name, out var error);
                    if (pattern == null)
                    {
                        Error ??= error;
                        continue;
                    }

                    _patterns.Add(pattern);
                }
            }

            public ErrorRecord? Error { get; }

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

            /// <summary>
            /// The exact names no channel matched, once every list was read: neither matched here nor, for the one
            /// name a service filtered on, found by that service (<paramref name="serviceMatched"/> channels).
            /// </summary>
            public IEnumerable<string> Unmatched(ulong serviceMatched) =>
                _exactNames.Where(name => !_exactSeen.Contains(name) && !(SingleExactName != null && serviceMatched > 0));
        }
    }
}
