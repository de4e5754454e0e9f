using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma;

namespace LiveStream.Emulator.Control;

/// <summary>
/// The emulator's own endpoints under /_emulator, apart from the vendor paths and without vendor authentication:
/// reset, the request log, fault injection and the clock.
/// </summary>
public static class ControlApi
{
    public const string Prefix = "/_emulator";

    public static void Map(WebApplication app, EmulatorState state)
    {
        var control = app.MapGroup(Prefix);

        control.MapGet("/info", () => Results.Json(new
        {
            sigma = state.Options.Sigma,
            theta = state.Options.Theta,
            now = state.Clock.Stamp(),
        }, SigmaApi.Json));

        control.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });

        control.MapGet("/requests", () => Results.Json(state.Requests, SigmaApi.Json));

        control.MapDelete("/requests", () =>
        {
            state.ClearRequests();
            return Results.NoContent();
        });

        control.MapGet("/faults", () => Results.Json(state.Faults.Rules, SigmaApi.Json));

        control.MapPost("/faults", (FaultRule rule) =>
        {
            state.Faults.Add(rule);
            return Results.Json(state.Faults.Rules, SigmaApi.Json);
        });

        control.MapDelete("/faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });

        SigmaEncoderSimulator.Map(control, state);
        EncoderScript.Map(control, state);

        // The simulated encoder of --simulate-encoder, switched at run time: {"delayMs":300} on, {"delayMs":null} off;
        // what it does after publishing: see SimulatedEncoder.
        control.MapPut("/encoder", (EncoderSimulation simulation) =>
        {
            state.Options.SimulatedEncoderDelayMs = simulation.DelayMs;
            SimulatedEncoder.Configure(state, simulation);
            return Results.Json(simulation, SigmaApi.Json);
        });

        control.MapPost("/clock/advance", (ClockAdvance advance) =>
        {
            state.Clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
            return Results.Json(new JsonObject { ["now"] = state.Clock.Stamp() }, SigmaApi.Json);
        });
    }
}

public sealed record ClockAdvance(double Seconds);

/// <summary>
/// The simulated encoder: <see cref="DelayMs"/> after a channel starts it publishes, then takes <see cref="Steps"/>
/// (default: the signal drops once and comes back at once); <see cref="Channels"/> gives other steps to channels by name
/// or id, and the channels named in <see cref="Silent"/> are never published to.
/// </summary>
public sealed record EncoderSimulation(
    int? DelayMs,
    EncoderStep[]? Steps = null,
    Dictionary<string, EncoderStep[]>? Channels = null,
    string[]? Silent = null);
