using System;
using System.Linq;
using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveSessionEvent", SupportsPaging = true)]
    [OutputType(typeof(LiveSessionEvent))]
    public sealed class GetLiveSessionEventCommand : VendorCmdlet
    {
        /// <summary>A session id; a piped channel gives its current session.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CurrentSessionId")]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public string? SessionId { get; set; }

        /// <summary>Only events with these actions (initialize, start, stable, interrupted, restored, ended...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventActionCompleter))]
        public string[]? Action { get; set; }

        /// <summary>Newest first instead of in the order they happened.</summary>
        [Parameter]
        public SwitchParameter Descending { get; set; }

        protected override void ProcessRecord()
        {
            if (!CheckSessionId(SessionId))
            {
                return;
            }

            var client = SigmaClientFor(ResolveConnection(LiveStreamVendor.Sigma));
            var actions = Action?.Select(action => action.ToLowerInvariant()).ToArray();
            var query = new SigmaListQuery()
                .Where("sessionId", SessionId)
                .Where("action", actions?.Length == 1 ? actions[0] : null)
                .SortBy("createdAt", Descending);
            Func<LiveSessionEvent, bool>? keep = actions?.Length > 1
                ? sessionEvent => actions.Contains(sessionEvent.Action?.ToLowerInvariant())
                : (Func<LiveSessionEvent, bool>?)null;
            ForItem(SessionId, () => PagedOutput.Write(this, SigmaClient.MaxPerPage,
                (page, perPage) => Await(token => client.ListEventsAsync(query, page, perPage, token)), keep));
        }
    }
}
