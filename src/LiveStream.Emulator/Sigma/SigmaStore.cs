using System.Text.Json.Nodes;
using LiveStream.Emulator.Sigma.Listing;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// The Sigma app's channels, sessions and events as the API's own JSON objects (field names and casing as the
/// vendor's document shows them), events compact (<see cref="EventLog"/>). Lists are indexed: channels by id, name and
/// status (which changes through <see cref="SetChannelStatus"/> only), sessions by id and channel, events by session.
/// Every read and change takes <see cref="Gate"/>.
/// </summary>
public sealed class SigmaStore(EmulatorClock clock)
{
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public object Gate { get; } = new();

    public EmulatorClock Clock { get; } = clock;

    public JsonItemList Channels { get; } = new("name", "status");

    public JsonItemList Sessions { get; } = new("channelId");

    public EventLog Events { get; } = new();

    public JsonObject? FindChannel(string id) => Channels.Find(id);

    public JsonObject? FindSession(string id) => Sessions.Find(id);

    /// <summary>A channel's new status (and updatedAt), kept in the status index. The caller holds <see cref="Gate"/>.</summary>
    public void SetChannelStatus(JsonObject channel, string status)
    {
        Channels.Set(channel, "status", status);
        channel["updatedAt"] = Clock.Stamp();
    }

    /// <summary>
    /// A timestamp later than every one handed out before, so that events sorted by time keep the order they
    /// happened in. The caller holds <see cref="Gate"/>.
    /// </summary>
    public (DateTimeOffset Time, string Stamp) NextStamp()
    {
        var now = NextTime();
        return (now, EmulatorClock.Format(now));
    }

    private DateTimeOffset NextTime()
    {
        var now = Clock.UtcNow;
        var millisecond = TimeSpan.FromMilliseconds(1);
        if (now < _lastStamp + millisecond)
        {
            now = _lastStamp + millisecond;
        }

        _lastStamp = now;
        return now;
    }

    /// <summary>Records an event of a session. The caller holds <see cref="Gate"/>.</summary>
    public void AddEvent(string sessionId, string action, string message, string? actor = null)
    {
        var (time, stamp) = NextStamp();
        Events.Add(sessionId, action, message, actor, time);
        if (FindSession(sessionId) is { } session)
        {
            session["updatedAt"] = stamp;
        }
    }

    /// <summary>
    /// <paramref name="count"/> filler events of a session, interrupted and restored by turns. The caller holds
    /// <see cref="Gate"/>.
    /// </summary>
    public void AddFillerEvents(string sessionId, int count)
    {
        var last = _lastStamp;
        for (var i = 0; i < count; i++)
        {
            last = NextTime();
            var (action, message) = i % 2 == 0
                ? ("interrupted", SigmaMessages.Interrupted)
                : ("restored", SigmaMessages.Restored);
            Events.Add(sessionId, action, message, null, last);
        }

        if (count > 0 && FindSession(sessionId) is { } session)
        {
            session["updatedAt"] = EmulatorClock.Format(last);
        }
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
