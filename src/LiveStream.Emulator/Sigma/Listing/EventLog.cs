using System.Collections;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// Sessions' events, compact (<see cref="SessionEvent"/>), in the order they happened, and each session's events
/// apart, so that a page of one session's list costs the page. Enumerating gives each event as JSON (the emulator's
/// own events made anew each time). The caller holds the store's lock.
/// </summary>
public sealed class EventLog : ListSource<SessionEvent>, IEnumerable<JsonObject>
{
    private const string SessionIdField = "sessionId";

    private readonly EventRun _all = new(null);
    private readonly Dictionary<string, EventRun> _bySession = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKind, EventKind> _kinds = [];

    public int Count => _all.Count;

    public override IReadOnlyList<SessionEvent> All => _all;

    /// <summary>An event of the emulator's own: action, message and actor are shared with the events of its kind.</summary>
    public void Add(string sessionId, string action, string message, string? actor, DateTimeOffset time)
    {
        var kind = new EventKind(action, message, actor);
        if (!_kinds.TryGetValue(kind, out var shared))
        {
            _kinds[kind] = shared = kind;
        }

        var run = RunOf(sessionId);
        Append(SessionEvent.Made(run.SessionId!, shared, time), run);
    }

    /// <summary>An event given as JSON, kept as it is.</summary>
    public void Add(JsonObject given)
    {
        var sessionEvent = SessionEvent.FromJson(given);
        Append(sessionEvent, sessionEvent.SessionId is { } id ? RunOf(id) : null);
    }

    /// <summary>Removes the events of these sessions (an event with no session id goes when the set holds null).</summary>
    public void RemoveSessions(IReadOnlySet<string?> sessionIds)
    {
        _all.RemoveAll(sessionEvent => sessionIds.Contains(sessionEvent.SessionId));
        foreach (var id in sessionIds.OfType<string>())
        {
            _bySession.Remove(id);
        }
    }

    public override IReadOnlyList<SessionEvent>? Indexed(string field, string value) =>
        field == SessionIdField ? _bySession.TryGetValue(value, out var run) ? run : [] : null;

    public override bool KnownInOrder(IReadOnlyList<SessionEvent> items, string field, bool strictly) =>
        items is EventRun run && field switch
        {
            "createdAt" => strictly ? run.CreatedStrictly : run.CreatedAscending,
            "updatedAt" => strictly ? run.UpdatedStrictly : run.UpdatedAscending,
            _ => false,
        };

    public override bool CanSeek(IReadOnlyList<SessionEvent> items, string field) =>
        items is EventRun { OnlyMade: true } && KnownInOrder(items, field, strictly: false);

    public override JsonObject View(SessionEvent item) => item.ToJson();

    public override JsonObject Answer(SessionEvent item) => item.Given == null ? item.ToJson() : (JsonObject)item.Given.DeepClone();

    public IEnumerator<JsonObject> GetEnumerator() => _all.Select(item => item.ToJson()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Append(SessionEvent sessionEvent, EventRun? run)
    {
        _all.Add(sessionEvent);
        run?.Add(sessionEvent);
    }

    /// <summary>The session's run, which holds the one copy of the session id its events share.</summary>
    private EventRun RunOf(string sessionId)
    {
        if (!_bySession.TryGetValue(sessionId, out var run))
        {
            run = new EventRun(sessionId);
            _bySession[sessionId] = run;
        }

        return run;
    }
}
