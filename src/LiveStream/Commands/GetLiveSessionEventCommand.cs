using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Ids;
using LiveStream.Http;
using LiveStream.Completion;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Watching;

namespace LiveStream.Commands
{
    /// <summary>
    /// The events of Sigma sessions, page by page; with -Follow, as they happen (each once, in order) until the session
    /// ends. A channel leads to its current session (else, without -Follow, its latest one); with -Follow, a channel is
    /// followed from session to session until it is stopped.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LiveSessionEvent", SupportsPaging = true, DefaultParameterSetName = ChannelSet)]
    [OutputType(typeof(LiveSessionEvent))]
    public sealed class GetLiveSessionEventCommand : VendorCmdlet
    {
        private const string SessionSet = "BySession";
        private const string ChannelSet = "ByChannel";
        private const string ChannelIdSet = "ByChannelId";

        private readonly List<Followed> _followed = new List<Followed>();
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
                    var client = SigmaClientFor(ResolveConnection(LiveStreamVendor.Sigma));
                    if (Follow)
                    {
                        _followed.Add(new Followed(client, SessionId!, null, SessionId!));
                    }
                    else
                    {
                        ForItem(SessionId, () => WriteEvents(client, SessionId!));
                    }
                }

                return;
            }

            var channelId = Channel?.Id ?? ChannelId!;
            object target = Channel ?? (object)channelId;
            if (Channel?.Provider == LiveStreamVendor.Theta)
            {
                WriteInputError(ErrorIds.NotSupported,
                    string.Format(CultureInfo.InvariantCulture, ChannelSession.ThetaHasNoSessions, target, channelId),
                    ErrorCategory.InvalidOperation, target);
                return;
            }

            if (!CheckId(IdKind.SigmaChannel, channelId))
            {
                return;
            }

            var sigma = SigmaClientFor(ResolveConnection(LiveStreamVendor.Sigma));
            if (Follow)
            {
                _followed.Add(new Followed(sigma, Channel?.CurrentSessionId, channelId, target));
                return;
            }

            ForItem(target, () =>
            {
                var sessionId = Await(token => ChannelSession.CurrentIdAsync(sigma, channelId, Channel?.CurrentSessionId, token))
                    ?? Await(token => sigma.FindSessionAsync(new SigmaListQuery().Where("channelId", channelId), token))?.Id;
                if (sessionId == null)
                {
                    WriteInputError(ErrorIds.NoSession,
                        $"Channel {target} has had no session yet: nothing has published to it. Wait-LiveChannel -State " +
                        "Live waits until it broadcasts; Get-LiveSessionEvent -Follow follows it from then on.",
                        ErrorCategory.InvalidArgument, target);
                    return;
                }

                WriteEvents(sigma, sessionId);
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

        private void WriteEvents(SigmaClient client, string sessionId)
        {
            var actions = Actions;
            var query = new SigmaListQuery()
                .AsAnd()
                .Where("sessionId", sessionId)
                .Where("action", actions?.Length == 1 ? actions[0] : null)
                .SortBy("createdAt", Descending);
            Func<LiveSessionEvent, bool>? keep = actions?.Length > 1
                ? sessionEvent => actions.Contains(sessionEvent.Action?.ToLowerInvariant())
                : (Func<LiveSessionEvent, bool>?)null;
            PagedOutput.Write(this, SigmaClient.MaxPerPage,
                (page, perPage) => Await(token => client.ListEventsAsync(query, page, perPage, token)), keep);
        }

        /// <summary>
        /// Polls every followed session (or channel) until each has ended, -TimeoutSec passes or -First is satisfied.
        /// A poll that fails while the service is down or busy is tried again at the next round.
        /// </summary>
        private void FollowAll()
        {
            var backoff = new PollBackoff();
            var timeout = TimeoutGiven ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null;
            while (true)
            {
                var left = timeout - _clock!.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    WriteVerbose($"Stopped following after {TimeoutSec} s (-TimeoutSec).");
                    return;
                }

                using var round = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
                if (left.HasValue)
                {
                    round.CancelAfter(left.Value);
                }

                var active = _followed.Where(followed => !followed.Done).ToList();
                var polls = active.Select(followed => followed.PollAsync(round.Token)).ToList();
                var anyNews = false;
                for (var i = 0; i < active.Count; i++)
                {
                    var followed = active[i];
                    try
                    {
                        WaitFor(polls[i]);
                        var news = polls[i].GetAwaiter().GetResult();
                        anyNews |= news.Count > 0;
                        foreach (var sessionEvent in news)
                        {
                            if (!WriteFollowed(sessionEvent))
                            {
                                return;
                            }
                        }

                        if (followed.Problem != null)
                        {
                            WriteInputError(ErrorIds.NoSession, followed.Problem, ErrorCategory.InvalidArgument,
                                followed.Target);
                        }
                    }
                    catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (OperationCanceledException)
                    {
                        // -TimeoutSec ran out during the poll: the next round says so.
                    }
                    catch (LiveStreamApiException exception) when (PollBackoff.IsPassing(exception))
                    {
                        WriteVerbose($"Following {followed.Target}: {exception.Message} Trying again.");
                    }
                    catch (LiveStreamApiException exception)
                    {
                        followed.Done = true;
                        WriteApiError(exception, followed.Target);
                    }
                }

                if (_followed.All(followed => followed.Done))
                {
                    return;
                }

                if (anyNews)
                {
                    backoff.Changed();
                }
                else
                {
                    backoff.Unchanged();
                }

                var pause = left.HasValue && left.Value < backoff.Next ? left.Value : backoff.Next;
                Await(token => Task.Delay(pause, token));
            }
        }

        /// <summary>Writes one followed event unless -Action leaves it out or -Skip passes it; false once -First is met.</summary>
        private bool WriteFollowed(LiveSessionEvent sessionEvent)
        {
            var actions = Actions;
            if (actions != null && !actions.Contains(sessionEvent.Action?.ToLowerInvariant()))
            {
                return true;
            }

            if (_skipLeft > 0)
            {
                _skipLeft--;
                return true;
            }

            WriteObject(sessionEvent);
            return ++_written < PagingParameters.First;
        }

        /// <summary>
        /// A session followed to its end, or a channel followed from session to session until it is stopped. A channel's
        /// next sessions are those created after the first one seen (its current one, else its latest, which is not
        /// followed), so that a session that begins and ends between two polls is followed too.
        /// </summary>
        private sealed class Followed
        {
            private readonly SigmaClient _client;
            private readonly string? _channelId;
            private readonly HashSet<string> _sessions = new HashSet<string>(StringComparer.Ordinal);
            private string? _knownSessionId;
            private SigmaEventFeed? _feed;
            private bool _looked;
            private DateTimeOffset? _since;
            private bool _followedAny;

            public Followed(SigmaClient client, string? sessionId, string? channelId, object target)
            {
                _client = client;
                _knownSessionId = sessionId;
                _channelId = channelId;
                Target = target;
                if (channelId == null)
                {
                    _feed = new SigmaEventFeed(client, sessionId!);
                }
            }

            public object Target { get; }

            public bool Done { get; set; }

            /// <summary>Why a channel cannot be followed (it is not started and has no session); set with Done.</summary>
            public string? Problem { get; private set; }

            public async Task<IReadOnlyList<LiveSessionEvent>> PollAsync(CancellationToken cancellationToken)
            {
                if (_feed == null && !await FindNextSessionAsync(cancellationToken).ConfigureAwait(false))
                {
                    return Array.Empty<LiveSessionEvent>();
                }

                var news = await _feed!.ReadNewAsync(cancellationToken).ConfigureAwait(false);
                if (_feed.Ended)
                {
                    _feed = null;
                    Done = _channelId == null;
                }

                return news;
            }

            private async Task<bool> FindNextSessionAsync(CancellationToken cancellationToken)
            {
                var channel = await _client.GetChannelAsync(_channelId!, cancellationToken).ConfigureAwait(false);
                var started = string.Equals(channel.Status, "active", StringComparison.OrdinalIgnoreCase);
                LiveSession? next;
                if (!_looked)
                {
                    var currentId = _knownSessionId ?? channel.CurrentSessionId;
                    var first = await _client.FindSessionAsync(
                        currentId != null
                            ? new SigmaListQuery().Where("id", currentId)
                            : new SigmaListQuery().Where("channelId", _channelId),
                        cancellationToken).ConfigureAwait(false);
                    if (first == null && !started)
                    {
                        return NotStarted(channel);
                    }

                    _looked = true;
                    _since = first?.CreatedAt;
                    if (first != null)
                    {
                        _sessions.Add(first.Id);
                    }

                    if (currentId == null && !started)
                    {
                        return NotStarted(channel);
                    }

                    next = currentId != null ? first : null;
                }
                else
                {
                    var created = await _client.ListSessionsAsync(
                        new SigmaListQuery().Where("channelId", _channelId).Between("createdAt", _since, null)
                            .SortBy("createdAt", descending: false),
                        1, SigmaClient.MaxPerPage, cancellationToken).ConfigureAwait(false);
                    next = created.Items.FirstOrDefault(session => _sessions.Add(session.Id));
                }

                if (next == null)
                {
                    Done = !started;
                    return false;
                }

                _followedAny = true;
                _feed = new SigmaEventFeed(_client, next.Id);
                return true;
            }

            private bool NotStarted(LiveChannel channel)
            {
                Done = true;
                if (!_followedAny)
                {
                    Problem = $"Channel {Target} is {channel.Status} and not broadcasting: there is no session to " +
                        "follow, and none can start until it is started. Run Start-LiveChannel first.";
                }

                return false;
            }
        }
    }
}
