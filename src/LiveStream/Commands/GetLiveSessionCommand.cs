using System;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Ids;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sessions;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveSession", DefaultParameterSetName = ByChannelSet, SupportsPaging = true)]
    [OutputType(typeof(LiveSession))]
    public sealed class GetLiveSessionCommand : PerItemCmdlet
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

        /// <summary>How many sessions may be read at once (the id set only: a listing reads its pages in order).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateRange(1, 64)]
        public override int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(ChannelFeatures.Sessions);
            var sessions = connection.Sessions(Trace);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    if (CheckId(IdKind.SigmaSession, id))
                    {
                        Dispatch(id, null, token => sessions.FindAsync(id, token), session => WriteSession(connection, id, session));
                    }
                }

                return;
            }

            if (ChannelId != null && !CheckId(connection.Profile.ChannelIdKind, ChannelId))
            {
                return;
            }

            var query = new SessionQuery
            {
                ChannelId = ChannelId,
                Status = Status,
                CreatedFrom = ToUtc(After),
                CreatedTo = ToUtc(Before),
                OldestFirst = Oldest,
            };
            ForItem(ChannelId, () => PagedOutput.Write(this, sessions.List(query)));
        }

        private void WriteSession(LiveStreamConnection connection, string id, LiveSession? session)
        {
            if (session == null)
            {
                WriteInputError(ErrorIds.NotFound,
                    $"There is no session '{id}' in {connection.Profile} app {connection.AccountId}. " +
                    "Get-LiveSession -ChannelId <id> lists a channel's sessions.",
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
