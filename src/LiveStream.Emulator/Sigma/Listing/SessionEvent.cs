using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// One event, compact: a million of them fit in well under 100 MB. The emulator's own events keep their id as a
/// <see cref="Guid"/>, their time in ticks (to the millisecond, as the stamp shows it) and the action, message and actor
/// they share with others of their kind; an event added as JSON (a test's) is kept as it was given.
/// </summary>
public sealed class SessionEvent
{
    private SessionEvent(string? sessionId, Guid id, long ticks, EventKind? kind, JsonObject? given)
    {
        SessionId = sessionId;
        Id = id;
        Ticks = ticks;
        Kind = kind;
        Given = given;
    }

    public string? SessionId { get; }

    public Guid Id { get; }

    /// <summary>createdAt (and updatedAt: the emulator never changes an event) in UTC ticks, whole milliseconds.</summary>
    public long Ticks { get; }

    public EventKind? Kind { get; }

    /// <summary>The event as given, for one added as JSON.</summary>
    public JsonObject? Given { get; }

    public static SessionEvent Made(string sessionId, EventKind kind, DateTimeOffset time) =>
        new(sessionId, Guid.NewGuid(), time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, kind, null);

    public static SessionEvent FromJson(JsonObject given) =>
        new(given["sessionId"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null,
            Guid.Empty, 0, null, given);

    /// <summary>The event as the API shows it, in the field order the emulator has always written.</summary>
    public JsonObject ToJson()
    {
        if (Given != null)
        {
            return Given;
        }

        var stamp = EmulatorClock.Format(new DateTimeOffset(Ticks, TimeSpan.Zero));
        var json = new JsonObject();
        if (Kind!.Actor != null)
        {
            json["actor"] = Kind.Actor;
        }

        json["action"] = Kind.Action;
        json["sessionId"] = SessionId;
        json["id"] = Id.ToString();
        json["createdAt"] = stamp;
        json["updatedAt"] = stamp;
        json["message"] = Kind.Message;
        return json;
    }
}

/// <summary>What events of one kind share: action, message and actor.</summary>
public sealed record EventKind(string Action, string Message, string? Actor);
