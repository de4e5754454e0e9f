using LiveStream.Watching;

namespace LiveStream.Commands
{
    /// <summary>What Wait-LiveChannel says about a channel that cannot reach the wanted state by itself: why, and what to run.</summary>
    internal static class WaitAdvice
    {
        public static string CannotReach(ChannelWatch watch, WaitResult result)
        {
            var name = watch.Name;
            var id = watch.ChannelId;
            switch (result.Problem)
            {
                case WatchProblem.NeverBroadcast:
                    return $"Channel '{name}' ({id}) is {result.LastSeen} and has no session: it has never broadcast, so " +
                        "no session of it can end. Start it (Start-LiveChannel) and let the encoder publish, or wait on " +
                        "another channel.";
                case WatchProblem.NoIngest:
                    return $"Theta stream '{name}' ({id}) has no Edge Ingestor selected: no encoder can push to it, so it " +
                        $"cannot turn on. Run Select-EdgeIngestor -StreamId {id}, push the encoder to the IngestUrl with " +
                        "the StreamKey it returns, then wait again.";
                default:
                    return $"Channel '{name}' ({id}) is {result.LastSeen}: it cannot go live until it is started. Run " +
                        $"Start-LiveChannel -Id {id}, then wait again.";
            }
        }
    }
}
