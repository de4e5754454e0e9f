using LiveStream.Emulator.Sigma;

namespace LiveStream.Emulator.Control;

/// <summary>
/// With <see cref="EmulatorOptions.SimulatedEncoderDelayMs"/> set, the emulator plays the encoder a real broadcast has:
/// that long after a Sigma channel starts, it publishes to it, then the signal drops once and comes back. This lets a
/// script written for the real service (start, wait until live, read the events, stop) run unchanged against it.
/// </summary>
public static class SimulatedEncoder
{
    public static void OnChannelStarted(EmulatorState state, string channelId)
    {
        if (state.Options.SimulatedEncoderDelayMs is not int delay)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(delay);
            var store = state.Sigma;
            lock (store.Gate)
            {
                if (store.FindChannel(channelId) is not { } channel)
                {
                    return;
                }

                SigmaEncoderSimulator.Publish(store, channel, "203.0.113.10");
                if ((string?)channel["currentSessionId"] is { } sessionId)
                {
                    store.AddEvent(sessionId, "interrupted", SigmaMessages.Interrupted);
                    store.AddEvent(sessionId, "restored", SigmaMessages.Restored);
                }
            }
        });
    }
}
