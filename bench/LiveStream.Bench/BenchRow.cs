namespace LiveStream.Bench;

/// <summary>
/// One line of the results: what was measured, the figure, the target (empty for figures given for reference) and
/// whether the target was met (null: no target, or the step did not finish).
/// </summary>
internal sealed record BenchRow(string Section, string Measure, string Result, string Target = "", bool? Met = null);
