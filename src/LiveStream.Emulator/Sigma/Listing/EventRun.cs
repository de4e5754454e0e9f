using System.Collections;

namespace LiveStream.Emulator.Sigma.Listing;

/// <summary>
/// Events in the order they were added (all of them, or one session's), with what is known of their time order:
/// kept as each event is added, since events never change.
/// </summary>
public sealed class EventRun(string? sessionId) : IReadOnlyList<SessionEvent>
{
    private readonly List<SessionEvent> _events = [];

    /// <summary>The session whose events these are; null for the run of all events.</summary>
    public string? SessionId { get; } = sessionId;

    public int Count => _events.Count;

    public SessionEvent this[int index] => _events[index];

    /// <summary>Ascending by createdAt (and by updatedAt), ties allowed.</summary>
    public bool CreatedAscending { get; private set; } = true;

    public bool CreatedStrictly { get; private set; } = true;

    public bool UpdatedAscending { get; private set; } = true;

    public bool UpdatedStrictly { get; private set; } = true;

    /// <summary>Every event is the emulator's own (none added as JSON): each time is a stamp of the same form.</summary>
    public bool OnlyMade { get; private set; } = true;

    public void Add(SessionEvent next)
    {
        OnlyMade &= next.Given == null;
        if (_events.Count > 0)
        {
            var last = _events[^1];
            var created = Compare(last, next, "createdAt");
            var updated = last.Given == null && next.Given == null ? created : Compare(last, next, "updatedAt");
            CreatedAscending &= created <= 0;
            CreatedStrictly &= created < 0;
            UpdatedAscending &= updated <= 0;
            UpdatedStrictly &= updated < 0;
        }

        _events.Add(next);
    }

    public void RemoveAll(Predicate<SessionEvent> match) => _events.RemoveAll(match);

    public IEnumerator<SessionEvent> GetEnumerator() => _events.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Compare(SessionEvent x, SessionEvent y, string field) =>
        x.Given == null && y.Given == null
            ? x.Ticks.CompareTo(y.Ticks)
            : NodeComparer.Instance.Compare(x.ToJson()[field], y.ToJson()[field]);
}
