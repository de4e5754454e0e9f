using System.Runtime.CompilerServices;
using LiveStream.Emulator.Sigma;

namespace LiveStream.Emulator.Control;

/// <summary>
/// With <see cref="EmulatorOptions.SimulatedEncoderDelayMs"/> set, the emulator plays the encoder a real broadcast has:
/// that long after a Sigma channel starts, it publishes to it, then the signal drops once and comes back. This lets a
/// script written for the real service (start, wait until live, read the events, stop) run unchanged against it.
/// PUT /_emulator/encoder may script it further (<see cref="EncoderSimulation"/>): other steps after the publish, for all
/// channels or some (by name or id), and channels it never publishes to.
/// </summary>
public static class SimulatedEncoder
{
    private static readonly ConditionalWeakTable<EmulatorState, EncoderSimulation> Scripts = new();

    public static void Configure(EmulatorState state, EncoderSimulation simulation) =>
        Scripts.AddOrUpdate(state, simulation);

    public static void OnChannelStarted(EmulatorState state, string channelId)
    {
        if (state.Options.SimulatedEncoderDelayMs is not int delay)
        {
            return;
        }

        Scripts.TryGetValue(state, out var script);
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay);
            var store = state.Sigma;
            IReadOnlyList<EncoderStep>? steps;
            lock (store.Gate)
            {
                if (store.FindChannel(channelId) is not { } channel)
                {
                    return;
                }

                var name = (string?)channel["name"];
                bool Names(string key) => key == channelId || key == name;
                if (script?.Silent?.Any(Names) == true)
                {
                    return;
                }

                steps = script?.Channels?.FirstOrDefault(pair => Names(pair.Key)).Value ?? script?.Steps;
                SigmaEncoderSimulator.Publish(store, channel, "203.0.113.10");
                if (steps == null && (string?)channel["currentSessionId"] is { } sessionId)
                {
                    store.AddEvent(sessionId, "interrupted", SigmaMessages.Interrupted);
                    store.AddEvent(sessionId, "restored", SigmaMessages.Restored);
                }
            }

            if (steps != null)
            {
                EncoderScript.Run(state, steps, channelId);
            }
        });
    }
}
