using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// The Sigma app's channels, sessions and events as the API's own JSON objects (field names and casing as the
/// vendor's document shows them). Every read and change takes <see cref="Gate"/>.
/// </summary>
public sealed class SigmaStore(EmulatorClock clock)
{
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public object Gate { get; } = new();

    public EmulatorClock Clock { get; } = clock;

    public List<JsonObject> Channels { get; } = [];

    public List<JsonObject> Sessions { get; } = [];

    public List<JsonObject> Events { get; } = [];

    public JsonObject? FindChannel(string id) => Channels.FirstOrDefault(channel => (string?)channel["id"] == id);

    public JsonObject? FindSession(string id) => Sessions.FirstOrDefault(session => (string?)session["id"] == id);

    /// <summary>
    /// A timestamp later than every one handed out before, so that events sorted by time keep the order they
    /// happened in. The caller holds <see cref="Gate"/>.
    /// </summary>
    public (DateTimeOffset Time, string Stamp) NextStamp()
    {
        var now = Clock.UtcNow;
        var millisecond = TimeSpan.FromMilliseconds(1);
        if (now < _lastStamp + millisecond)
        {
            now = _lastStamp + millisecond;
        }

        _lastStamp = now;
        return (now, EmulatorClock.Format(now));
    }

    /// <summary>Records an event of a session. The caller holds <see cref="Gate"/>.</summary>
    public JsonObject AddEvent(string sessionId, string action, string message, string? actor = null)
    {
        var (_, stamp) = NextStamp();
        var sessionEvent = new JsonObject();
        if (actor != null)
        {
            sessionEvent["actor"] = actor;
        }

        sessionEvent["action"] = action;
        sessionEvent["sessionId"] = sessionId;
        sessionEvent["id"] = Guid.NewGuid().ToString();
        sessionEvent["createdAt"] = stamp;
        sessionEvent["updatedAt"] = stamp;
        sessionEvent["message"] = message;
        Events.Add(sessionEvent);
        if (FindSession(sessionId) is { } session)
        {
            session["updatedAt"] = stamp;
        }

        return sessionEvent;
    }

    /// <summary>
    /// Ends the channel's current session, if it has one: status ended, finishedAt, duration, an "ended" event, and
    /// the channel's currentSessionId cleared. The caller holds <see cref="Gate"/>.
    /// </summary>
    public JsonObject? EndCurrentSession(JsonObject channel, string actor)
    {
        var sessionId = (string?)channel["currentSessionId"];
        if (sessionId == null || FindSession(sessionId) is not { } session)
        {
            return null;
        }

        var (time, stamp) = NextStamp();
        var started = DateTimeOffset.Parse((string?)session["startedAt"] ?? stamp, System.Globalization.CultureInfo.InvariantCulture);
        session["status"] = "ended";
        session["finishedAt"] = stamp;
        session["duration"] = (long)Math.Round((time - started).TotalSeconds);
        AddEvent(sessionId, "ended", SigmaMessages.Ended, actor);
        channel["currentSessionId"] = null;
        return session;
    }
}
