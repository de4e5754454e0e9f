using System.Linq;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>What the session cmdlets say about a channel given to them: it has no session now, or its vendor has none.</summary>
    internal static class ChannelSession
    {
        /// <summary>The vendor whose channels have sessions; its ids are the session cmdlets' channel ids.</summary>
        public static VendorProfile Vendor => VendorProfile.Supporting(ChannelFeatures.Sessions).First();

        /// <summary>True when <paramref name="channel"/>'s vendor has sessions.</summary>
        public static bool HasSessions(LiveChannel channel) =>
            VendorProfile.Of(channel.Provider).Supports(ChannelFeatures.Sessions);

        public static string NotBroadcasting(object target, string channelId) =>
            $"Channel {target} is not broadcasting: it has no current session. Wait-LiveChannel -State Live waits until " +
            $"it has one; Get-LiveSession -ChannelId {channelId} lists its past sessions.";

        public static string NoSessions(LiveChannel channel)
        {
            var profile = VendorProfile.Of(channel.Provider);
            return $"{profile} {profile.ChannelNoun} '{channel}' ({channel.Id}): {profile.WhyNot(ChannelFeatures.Sessions)}. " +
                $"Get-LiveChannel -Id {channel.Id} reads it; Wait-LiveChannel waits until it is live.";
        }

        public static string NeverBroadcast(object target) =>
            $"Channel {target} has had no session yet: nothing has published to it. Wait-LiveChannel -State Live waits " +
            "until it broadcasts; Get-LiveSessionEvent -Follow follows it from then on.";

        public static string CannotFollow(object target, string status) =>
            $"Channel {target} is {status} and not broadcasting: there is no session to follow, and none can start " +
            "until it is started. Run Start-LiveChannel first.";
    }
}
