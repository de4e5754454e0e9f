using System.Text.RegularExpressions;

namespace LiveStream.Emulator;

/// <summary>Faults injected on vendor paths by /_emulator/faults: for now added latency per path pattern.</summary>
public sealed class Faults
{
    private readonly object _gate = new();
    private List<FaultRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules = [.. _rules, rule];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules;
            }
        }
    }

    public TimeSpan LatencyFor(string method, string path) =>
        TimeSpan.FromMilliseconds(Rules.Where(rule => rule.Matches(method, path)).Sum(rule => rule.LatencyMs));
}

/// <summary>
/// A fault on requests whose path matches <see cref="PathPattern"/> (a regular expression; empty matches every vendor
/// path) and, when given, whose method is <see cref="Method"/>.
/// </summary>
public sealed record FaultRule(string? PathPattern = null, string? Method = null, int LatencyMs = 0)
{
    public bool Matches(string method, string path) =>
        (string.IsNullOrEmpty(Method) || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(PathPattern) || Regex.IsMatch(path, PathPattern, RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1)));
}
