using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Model;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveSessionStatus", DefaultParameterSetName = ChannelSet)]
    [OutputType(typeof(LiveSessionStatus))]
    public sealed class GetLiveSessionStatusCommand : PerItemCmdlet
    {
        private const string SessionSet = "BySession";
        private const string ChannelSet = "ByChannel";
        private const string ChannelIdSet = "ByChannelId";

        /// <summary>Session ids, or sessions, events and statuses (their session).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            ParameterSetName = SessionSet)]
        [SessionIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public string?[] SessionId { get; set; } = new string?[0];

        /// <summary>Channels (Get-LiveChannel, Start-LiveChannel -PassThru): the status of each one's current session.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ChannelSet)]
        [ValidateNotNull]
        public LiveChannel[] Channel { get; set; } = new LiveChannel[0];

        /// <summary>Channel ids: the status of each one's current session.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ChannelIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] ChannelId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ChannelSet)
            {
                foreach (var channel in Channel)
                {
                    if (!ChannelSession.HasSessions(channel))
                    {
                        WriteInputError(ErrorIds.NotSupported, ChannelSession.NoSessions(channel),
                            ErrorCategory.InvalidOperation, channel);
                        continue;
                    }

                    ForChannel(channel.Id, channel.CurrentSessionId, channel);
                }

                return;
            }

            if (ParameterSetName == ChannelIdSet)
            {
                foreach (var channelId in ChannelId)
                {
                    if (CheckId(ChannelSession.Vendor.ChannelIdKind, channelId))
                    {
                        ForChannel(channelId, null, channelId);
                    }
                }

                return;
            }

            // A piped channel with no current session, or -SessionId $null, binds a null array, not an array holding null.
            foreach (var id in SessionId ?? new string?[] { null })
            {
                if (!CheckSessionId(id))
                {
                    continue;
                }

                var sessions = ResolveConnection(ChannelFeatures.Sessions).Sessions(Trace);
                Dispatch(id!, null, token => sessions.GetStatusAsync(id!, token), status => WriteObject(status));
            }
        }

        private void ForChannel(string channelId, string? knownSessionId, object target)
        {
            var sessions = ResolveConnection(ChannelFeatures.Sessions).Sessions(Trace);
            Dispatch(target, null, async token =>
                {
                    var sessionId = await sessions.CurrentIdAsync(channelId, knownSessionId, token).ConfigureAwait(false);
                    return sessionId == null ? null : await sessions.GetStatusAsync(sessionId, token).ConfigureAwait(false);
                },
                status =>
                {
                    if (status == null)
                    {
                        WriteInputError(ErrorIds.NoSession, ChannelSession.NotBroadcasting(target, channelId),
                            ErrorCategory.InvalidArgument, target);
                    }
                    else
                    {
                        WriteObject(status);
                    }
                });
        }
    }
}
