using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Commands
{
    /// <summary>Where a channel given to a session cmdlet leads: its current session.</summary>
    internal static class ChannelSession
    {
        /// <summary>
        /// The channel's current session id: the one the object carries, else the one the service has now (a channel
        /// read before its broadcast started carries none). Null when the channel is not broadcasting.
        /// </summary>
        public static async Task<string?> CurrentIdAsync(SigmaClient client, string channelId, string? known,
            CancellationToken cancellationToken) =>
            known ?? (await client.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false)).CurrentSessionId;

        public const string NotBroadcasting =
            "Channel {0} is not broadcasting: it has no current session. Wait-LiveChannel -State Live waits until it " +
            "has one; Get-LiveSession -ChannelId {1} lists its past sessions.";

        public const string ThetaHasNoSessions =
            "Theta stream {0} has no sessions: its Status (on or off) says whether it is live. Get-LiveChannel -Id {1} " +
            "reads it; Wait-LiveChannel waits until it is on.";
    }
}
