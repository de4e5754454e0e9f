using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sessions;

namespace LiveStream.Commands
{
    /// <summary>
    /// The events of Sigma sessions, page by page; with -Follow, as they happen (each once, in order) until the session
    /// ends. A channel leads to its current session (else, without -Follow, its latest one); with -Follow, a channel is
    /// followed from session to session until it is stopped.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LiveSessionEvent", SupportsPaging = true, DefaultParameterSetName = ChannelSet)]
    [OutputType(typeof(LiveSessionEvent))]
    public sealed partial class GetLiveSessionEventCommand : VendorCmdlet
    {
        private const string SessionSet = "BySession";
        private const string ChannelSet = "ByChannel";
        private const string ChannelIdSet = "ByChannelId";

        private readonly List<(SessionFollower Follower, object Target)> _followed =
            new List<(SessionFollower Follower, object Target)>();
        private Stopwatch? _clock;
        private ulong _skipLeft;
        private ulong _written;

        /// <summary>A session id, or a session, event or status (its session).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            ParameterSetName = SessionSet)]
        [SessionIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public string? SessionId { get; set; }

        /// <summary>A channel: its current session, else its latest one.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ChannelSet)]
        [ValidateNotNull]
        public LiveChannel? Channel { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ChannelIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ChannelId { get; set; }

        /// <summary>Only events with these actions (initialize, start, stable, interrupted, restored, ended...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventActionCompleter))]
        public string[]? Action { get; set; }

        /// <summary>Newest first instead of in the order they happened.</summary>
        [Parameter]
        public SwitchParameter Descending { get; set; }

        /// <summary>Keep reading: write new events as they happen until the session ends.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>With -Follow: stop following after this many seconds (default: until the sessions end, or Ctrl+C).</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSec { get; set; }

        private bool TimeoutGiven => MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec));

        protected override void BeginProcessing()
        {
            if (Follow && Descending)
            {
                ThrowInputError(ErrorIds.InvalidArgument,
                    "-Follow writes events in the order they happen; it cannot be combined with -Descending. Leave one out.",
                    ErrorCategory.InvalidArgument, null);
            }

            if (!Follow && TimeoutGiven)
            {
                ThrowInputError(ErrorIds.InvalidArgument,
                    "-TimeoutSec limits how long -Follow follows; without -Follow the events are read once. Add -Follow, " +
                    "or leave -TimeoutSec out.", ErrorCategory.InvalidArgument, null);
            }

            _skipLeft = PagingParameters.Skip;
        }

        protected override void ProcessRecord()
        {
            _clock ??= Stopwatch.StartNew();
            if (ParameterSetName == SessionSet)
            {
                if (CheckSessionId(SessionId))
                {
                    var sessions = ResolveConnection(ChannelFeatures.Sessions).Sessions(Trace);
                    if (Follow)
                    {
                        _followed.Add((SessionFollower.OfSession(sessions, SessionId!), SessionId!));
                    }
                    else
                    {
                        ForItem(SessionId, () => WriteEvents(sessions, SessionId!));
                    }
                }

                return;
            }

            var channelId = Channel?.Id ?? ChannelId!;
            object target = Channel ?? (object)channelId;
            if (Channel != null && !ChannelSession.HasSessions(Channel))
            {
                WriteInputError(ErrorIds.NotSupported, ChannelSession.NoSessions(Channel), ErrorCategory.InvalidOperation,
                    target);
                return;
            }

            if (!CheckId(ChannelSession.Vendor.ChannelIdKind, channelId))
            {
                return;
            }

            var connection = ResolveConnection(ChannelFeatures.Sessions);
            var channelSessions = connection.Sessions(Trace);
            if (Follow)
            {
                _followed.Add((SessionFollower.OfChannel(connection.Channels(Trace), channelSessions, channelId,
                    Channel?.CurrentSessionId), target));
                return;
            }

            ForItem(target, () =>
            {
                var sessionId = Await(token => channelSessions.CurrentIdAsync(channelId, Channel?.CurrentSessionId, token))
                    ?? Await(token => channelSessions.LatestAsync(channelId, token))?.Id;
                if (sessionId == null)
                {
                    WriteInputError(ErrorIds.NoSession, ChannelSession.NeverBroadcast(target),
                        ErrorCategory.InvalidArgument, target);
                    return;
                }

                WriteEvents(channelSessions, sessionId);
            });
        }

        protected override void EndProcessing()
        {
            if (_followed.Count > 0)
            {
                FollowAll();
            }
        }

        private string[]? Actions => Action?.Select(action => action.ToLowerInvariant()).ToArray();

        private void WriteEvents(ISessionService sessions, string sessionId)
        {
            var actions = Actions;
            var query = new EventQuery(sessionId)
            {
                Action = actions?.Length == 1 ? actions[0] : null,
                NewestFirst = Descending,
            };
            Func<LiveSessionEvent, bool>? keep = actions?.Length > 1
                ? sessionEvent => actions.Contains(sessionEvent.Action?.ToLowerInvariant())
                : (Func<LiveSessionEvent, bool>?)null;
            PagedOutput.Write(this, sessions.Events(query), keep);
        }
    }
}
