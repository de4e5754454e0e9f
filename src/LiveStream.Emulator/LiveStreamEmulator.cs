using System.Text;
using LiveStream.Emulator.Control;
using LiveStream.Emulator.Sigma;
using LiveStream.Emulator.Theta;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveStream.Emulator;

/// <summary>
/// The emulator of both vendor APIs on one loopback port. Start it from a test with port 0, or as a program
/// (dotnet run --project src/LiveStream.Emulator -- --urls http://127.0.0.1:5080).
/// </summary>
public sealed class LiveStreamEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveStreamEmulator(WebApplication app, EmulatorState state, Uri baseUri)
    {
        _app = app;
        State = state;
        BaseUri = baseUri;
    }

    public EmulatorState State { get; }

    public Uri BaseUri { get; }

    public EmulatorOptions Options => State.Options;

    public static async Task<LiveStreamEmulator> StartAsync(EmulatorOptions? options = null, string[]? args = null)
    {
        options ??= new EmulatorOptions();
        EnsureLoopback(options.Url);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var app = builder.Build();
        var state = new EmulatorState(options);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith(ControlApi.Prefix, StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var inFlight = state.Enter();
            try
            {
                await RecordAsync(context, state, inFlight);
                await FaultInjection.InvokeAsync(context, next, state);
            }
            finally
            {
                state.Leave();
            }
        });

        ControlApi.Map(app, state);
        SigmaApi.Map(app, state);
        ThetaApi.Map(app, state);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new LiveStreamEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void EnsureLoopback(string url)
    {
        var uri = new Uri(url.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"The emulator listens on loopback only; '{url}' is not a loopback address.");
        }
    }

    private static async Task RecordAsync(HttpContext context, EmulatorState state, int inFlight)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        state.Record(new RecordedRequest(
            state.Clock.UtcNow,
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            body) { InFlight = inFlight });
    }

    /// <summary>Completes when the host is told to stop: Ctrl+C (SIGINT), SIGTERM or SIGQUIT when run as a program.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
