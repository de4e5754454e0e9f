using System.Text.RegularExpressions;

namespace LiveStream.Emulator;

/// <summary>
/// Faults injected on vendor paths through /_emulator/faults. Each request takes the first matching rule that fires
/// (by its <see cref="FaultRule.Rate"/> and remaining <see cref="FaultRule.Count"/>); latency rules add up.
/// </summary>
public sealed class Faults
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private Random _random = new(20261125);

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    /// <summary>Removes the rule added as <paramref name="rule"/> (the same object), if it is still there.</summary>
    public void Remove(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.RemoveAll(active => ReferenceEquals(active.Rule, rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(20261125);
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(active => active.Rule with { Count = active.Remaining }).ToList();
            }
        }
    }

    public TimeSpan LatencyFor(string method, string path)
    {
        lock (_gate)
        {
            return TimeSpan.FromMilliseconds(_rules
                .Where(active => active.Rule.Kind == FaultKind.None && active.Rule.Matches(method, path))
                .Sum(active => active.Rule.LatencyMs + _random.Next(active.Rule.LatencyJitterMs + 1)));
        }
    }

    /// <summary>The fault to inflict on this request, if a rule fires.</summary>
    public FaultRule? Pick(string method, string path)
    {
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if (rule.Kind == FaultKind.None || active.Remaining == 0 || !rule.Matches(method, path))
                {
                    continue;
                }

                if (rule.Rate < 1 && _random.NextDouble() >= rule.Rate)
                {
                    continue;
                }

                if (active.Remaining > 0)
                {
                    active.Remaining--;
                }

                return rule;
            }

            return null;
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = rule.Count;
    }
}

public enum FaultKind
{
    /// <summary>No failure: only <see cref="FaultRule.LatencyMs"/> plus up to <see cref="FaultRule.LatencyJitterMs"/>.</summary>
    None,

    /// <summary>Answer <see cref="FaultRule.Status"/> (e.g. 429, 503) before acting, with Retry-After when set.</summary>
    Status,

    /// <summary>Reset the connection before acting: the request had no effect.</summary>
    Drop,

    /// <summary>Act on the request, then reset the connection: the client cannot know it took effect.</summary>
    DropAfter,

    /// <summary>Act, then answer an HTML error page with <see cref="FaultRule.Status"/> (default 200).</summary>
    Html,

    /// <summary>Act, then answer only the first half of the JSON body.</summary>
    Truncated,

    /// <summary>Act, then answer the JSON with every string, number and boolean replaced by a value of another type.</summary>
    WrongTypes,

    /// <summary>Act, then answer the JSON without the fields named in <see cref="FaultRule.Fields"/> (default "id").</summary>
    MissingFields,

    /// <summary>Act, then answer a valid JSON body of <see cref="FaultRule.HugeBytes"/> bytes.</summary>
    Huge,

    /// <summary>
    /// A list that ignores <c>page</c>: the data of page 1 for every page asked, with the asked page echoed in the answer's
    /// <c>page</c>, and <see cref="FaultRule.Total"/> / <see cref="FaultRule.PerPage"/> in place of the real ones when set.
    /// </summary>
    IgnorePage,

    /// <summary>A list with honest data whose <c>total</c> (and <c>perPage</c>) are <see cref="FaultRule.Total"/> and <see cref="FaultRule.PerPage"/>.</summary>
    LyingTotal,
}

/// <summary>
/// A fault on requests whose path matches <see cref="PathPattern"/> (a regular expression; empty matches every vendor
/// path) and, when given, whose method is <see cref="Method"/>. <see cref="Rate"/> is the share of matching requests
/// it fires on (1 = all); <see cref="Count"/>, when set, the number of times it fires at most. <see cref="Message"/> is the
/// <c>message</c> of a <see cref="FaultKind.Status"/> answer (a vendor that quotes what it was sent, say).
/// </summary>
public sealed record FaultRule(
    string? PathPattern = null,
    string? Method = null,
    int LatencyMs = 0,
    FaultKind Kind = FaultKind.None,
    double Rate = 1,
    int? Count = null,
    int Status = 0,
    int? RetryAfterSeconds = null,
    string[]? Fields = null,
    long HugeBytes = 40L * 1024 * 1024,
    int LatencyJitterMs = 0,
    long? Total = null,
    int? PerPage = null,
    string? Message = null)
{
    public bool Matches(string method, string path) =>
        (string.IsNullOrEmpty(Method) || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(PathPattern) || Regex.IsMatch(path, PathPattern, RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1)));
}
