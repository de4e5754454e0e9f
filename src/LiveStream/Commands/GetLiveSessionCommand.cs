using System;
using System.Management.Automation;
using LiveStream.Ids;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveSession", DefaultParameterSetName = ByChannelSet, SupportsPaging = true)]
    [OutputType(typeof(LiveSession))]
    public sealed class GetLiveSessionCommand : VendorCmdlet
    {
        private const string ByChannelSet = "ByChannel";
        private const string ByIdSet = "ById";

        /// <summary>A channel id; a piped string is one, a piped channel or session gives its channel's.</summary>
        [Parameter(Position = 0, ParameterSetName = ByChannelSet, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [ChannelIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SigmaChannelIdCompleter))]
        public string? ChannelId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("SessionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public string[] Id { get; set; } = new string[0];

        [Parameter(ParameterSetName = ByChannelSet)]
        [ValidateSet("init", "processing", "preparing", "error", "live", "ended", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Only sessions created at or after this time.</summary>
        [Parameter(ParameterSetName = ByChannelSet)]
        public DateTime? After { get; set; }

        /// <summary>Only sessions created at or before this time.</summary>
        [Parameter(ParameterSetName = ByChannelSet)]
        public DateTime? Before { get; set; }

        [Parameter(ParameterSetName = ByChannelSet)]
        public SwitchParameter Oldest { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(LiveStreamVendor.Sigma);
            var client = SigmaClientFor(connection);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (CheckId(IdKind.SigmaSession, id))
                    {
                        ForItem(id, () => WriteSession(client, id));
                    }
                }

                return;
            }

            if (ChannelId != null && !CheckId(IdKind.SigmaChannel, ChannelId))
            {
                return;
            }

            var query = new SigmaListQuery()
                .Where("channelId", ChannelId)
                .Where("status", Status?.ToLowerInvariant())
                .Between("createdAt", ToUtc(After), ToUtc(Before))
                .SortBy("createdAt", descending: !Oldest);
            ForItem(ChannelId, () => PagedOutput.Write(this, SigmaClient.MaxPerPage,
                (page, perPage) => Await(token => client.ListSessionsAsync(query, page, perPage, token))));
        }

        private void WriteSession(SigmaClient client, string id)
        {
            var session = Await(token => client.FindSessionAsync(new SigmaListQuery().Where("id", id), token));
            if (session == null)
            {
                WriteInputError(ErrorIds.NotFound,
                    $"There is no session '{id}' in Sigma app {client.Origin?.AccountId}. Get-LiveSession -ChannelId <id> lists a channel's sessions.",
                    ErrorCategory.ObjectNotFound, id);
                return;
            }

            WriteObject(session);
        }

        private static DateTimeOffset? ToUtc(DateTime? time) =>
            time.HasValue ? new DateTimeOffset(time.Value.Kind == DateTimeKind.Unspecified
                ? DateTime.SpecifyKind(time.Value, DateTimeKind.Local)
                : time.Value) : (DateTimeOffset?)null;
    }
}
