using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveChannel", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LiveChannel))]
    public sealed class GetLiveChannelCommand : ChannelCmdlet
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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                ForEachChannelId(Id, GetSigma);
                return;
            }

            var connection = ConnectionFor(null);
            if (connection.Vendor == LiveStreamVendor.Sigma)
            {
                ListSigma(SigmaClientFor(connection));
            }
            else
            {
                WriteNotSupported(connection, connection);
            }
        }

        private void GetSigma(SigmaClient client, string channelId) =>
            Dispatch(channelId, null, token => client.GetChannelAsync(channelId, token), WriteObject);

        /// <summary>
        /// Pages through the app's channels. A name without wildcards matches exactly (as Sigma compares names); a pattern
        /// with wildcards matches case-insensitively. One exact name is sent as Sigma's q filter; otherwise the names are
        /// matched here, page by page.
        /// </summary>
        private void ListSigma(SigmaClient client)
        {
            var names = Name ?? new string[0];
            var exactNames = new HashSet<string>(names.Where(name => !WildcardPattern.ContainsWildcardCharacters(name)),
                System.StringComparer.Ordinal);
            var patterns = names.Where(WildcardPattern.ContainsWildcardCharacters)
                .Select(name => new WildcardPattern(name, WildcardOptions.IgnoreCase)).ToArray();
            var q = names.Length == 1 && exactNames.Count == 1 ? new SigmaListQuery().Where("name", names[0]).Filter : null;
            var filterHere = names.Length > 0 && q == null;
            var exactSeen = new HashSet<string>(System.StringComparer.Ordinal);

            (bool ReadToEnd, ulong Matched) listed;
            try
            {
                listed = PagedOutput.Write(this, SigmaClient.MaxPerPage,
                    (page, perPage) => Await(token => client.ListChannelsAsync(q, SigmaClient.ChannelListOrder, page, perPage, token)),
                    filterHere ? channel => Matches(channel, exactNames, patterns, exactSeen) : null);
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

            foreach (var name in exactNames.Where(name => q != null ? listed.Matched == 0 : !exactSeen.Contains(name)))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no channel named '{name}' on {client.Origin}. A name without " +
                        "wildcards must match exactly, case included; Get-LiveChannel -Name '*part*' matches loosely."),
                    "LiveStream.NotFound", ErrorCategory.ObjectNotFound, name));
            }
        }

        private static bool Matches(LiveChannel channel, ISet<string> exactNames, WildcardPattern[] patterns,
            ISet<string> exactSeen)
        {
            if (exactNames.Contains(channel.Name))
            {
                exactSeen.Add(channel.Name);
                return true;
            }

            return patterns.Any(pattern => pattern.IsMatch(channel.Name));
        }
    }
}
