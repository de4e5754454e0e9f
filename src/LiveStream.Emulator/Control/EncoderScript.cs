using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma;
using LiveStream.Emulator.Theta;

namespace LiveStream.Emulator.Control;

/// <summary>
/// What a simulated encoder does over time, step by step: publish, interrupt and restore the signal, add many events,
/// unpublish, stop the channel (Sigma channels, by channel id or stream token); publish and unpublish (Theta streams, by stream id); and a
/// service outage (every vendor path answers an error for a while). POST /_emulator/encoder/schedule runs a list of
/// steps in the background, each <see cref="EncoderStep.AfterMs"/> after the one before it; a reset of the emulator
/// ends the steps still to come.
/// </summary>
public static class EncoderScript
{
    public static void Map(RouteGroupBuilder control, EmulatorState state)
    {
        control.MapPost("/encoder/schedule", (EncoderSchedule schedule) =>
        {
            var steps = schedule.Steps ?? [];
            if (steps.FirstOrDefault(step => Problem(step) != null) is { } wrong)
            {
                return SigmaErrors.BadRequest(Problem(wrong)!);
            }

            Run(state, steps, channelId: null);
            return Results.Json(new JsonObject { ["scheduled"] = steps.Length }, SigmaApi.Json, statusCode: 202);
        });
    }

    /// <summary>
    /// Runs <paramref name="steps"/> in the background. With <paramref name="channelId"/>, a Sigma step that names no
    /// channel acts on that one (the steps a simulated encoder takes after it publishes).
    /// </summary>
    public static void Run(EmulatorState state, IReadOnlyList<EncoderStep> steps, string? channelId)
    {
        var sigma = state.Sigma;
        _ = Task.Run(async () =>
        {
            foreach (var step in steps)
            {
                if (step.AfterMs > 0)
                {
                    await Task.Delay(step.AfterMs);
                }

                if (!ReferenceEquals(sigma, state.Sigma))
                {
                    return;
                }

                await ActAsync(state, step, channelId);
            }
        });
    }

    private static string? Problem(EncoderStep step) => step.Action switch
    {
        "publish" or "unpublish" when step.StreamId == null && step.ChannelId == null && step.StreamToken == null =>
            $"Step {step.Action} needs channelId or streamToken (Sigma) or streamId (Theta)",
        "interrupt" or "restore" or "events" or "stop" when step.ChannelId == null && step.StreamToken == null =>
            $"Step {step.Action} needs channelId or streamToken",
        "publish" or "unpublish" or "interrupt" or "restore" or "events" or "stop" or "outage" => null,
        _ => $"Unknown step '{step.Action}': publish, interrupt, restore, events, unpublish, stop or outage",
    };

    private static async Task ActAsync(EmulatorState state, EncoderStep step, string? channelId)
    {
        if (step.Action == "outage")
        {
            var rule = new FaultRule(Kind: FaultKind.Status, Status: step.Status ?? 503);
            state.Faults.Add(rule);
            await Task.Delay(step.DurationMs ?? 1000);
            state.Faults.Remove(rule);
            return;
        }

        if (step.StreamId != null)
        {
            ActOnThetaStream(state.Theta, step);
            return;
        }

        var store = state.Sigma;
        lock (store.Gate)
        {
            var id = step.ChannelId ?? channelId;
            var channel = id != null
                ? store.FindChannel(id)
                : store.Channels.FirstOrDefault(candidate => (string?)candidate["input"]?["streamToken"] == step.StreamToken);
            if (channel == null)
            {
                return;
            }

            var sessionId = (string?)channel["currentSessionId"];
            switch (step.Action)
            {
                case "publish":
                    SigmaEncoderSimulator.Publish(store, channel, step.Ip ?? "203.0.113.10");
                    break;
                case "unpublish":
                    store.EndCurrentSession(channel, "user");
                    break;
                case "stop" when (string?)channel["status"] == "active":
                    store.EndCurrentSession(channel, "user");
                    store.SetChannelStatus(channel, "stop");
                    break;
                case "interrupt" when sessionId != null:
                    store.AddEvent(sessionId, "interrupted", SigmaMessages.Interrupted);
                    break;
                case "restore" when sessionId != null:
                    store.AddEvent(sessionId, "restored", SigmaMessages.Restored);
                    break;
                case "events" when sessionId != null:
                    store.AddFillerEvents(sessionId, step.Count ?? 1);
                    break;
            }
        }
    }

    private static void ActOnThetaStream(ThetaStore store, EncoderStep step)
    {
        lock (store.Gate)
        {
            if (store.SelectionOfStream(step.StreamId!) is not { } selection)
            {
                return;
            }

            if (step.Action == "publish" && !selection.Publishing)
            {
                store.Publish(selection);
            }
            else if (step.Action == "unpublish" && selection.Publishing)
            {
                store.Unpublish(selection);
            }
        }
    }
}

/// <summary>
/// One step of a simulated encoder. <see cref="AfterMs"/>: the wait before it (after the step before, or the schedule
/// call, or the publish for a simulated encoder's steps). <see cref="Count"/>: how many events "events" adds
/// (interrupted and restored by turns). <see cref="DurationMs"/> and <see cref="Status"/>: how long an "outage" lasts and
/// what every vendor path answers meanwhile (default 503).
/// </summary>
public sealed record EncoderStep(
    string Action,
    int AfterMs = 0,
    string? ChannelId = null,
    string? StreamToken = null,
    string? StreamId = null,
    int? Count = null,
    int? DurationMs = null,
    int? Status = null,
    string? Ip = null);

public sealed record EncoderSchedule(EncoderStep[]? Steps);
