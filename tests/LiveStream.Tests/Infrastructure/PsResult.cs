using System.Collections;
using System.Management.Automation;
using System.Text;

namespace LiveStream.Tests.Infrastructure;

/// <summary>What one hosted pipeline produced, stream by stream.</summary>
public sealed class PsResult
{
    public required List<PSObject> Output { get; init; }

    public required List<ErrorRecord> Errors { get; init; }

    public required List<WarningRecord> Warnings { get; init; }

    public required List<VerboseRecord> Verbose { get; init; }

    public required List<DebugRecord> Debug { get; init; }

    public required List<InformationRecord> Information { get; init; }

    public required List<ProgressRecord> Progress { get; init; }

    /// <summary>What the host printed (Out-Default, prompts).</summary>
    public required string HostText { get; init; }

    /// <summary>The terminating error that ended the pipeline, if any.</summary>
    public RuntimeException? Terminating { get; init; }

    public IEnumerable<ErrorRecord> AllErrors =>
        Terminating?.ErrorRecord is { } record ? Errors.Append(record) : Errors;

    public T Single<T>() => Assert.IsType<T>(Assert.Single(Output).BaseObject);

    public List<T> Objects<T>() => Output.Select(item => Assert.IsType<T>(item.BaseObject)).ToList();

    public void AssertSuccess()
    {
        Assert.True(Terminating == null, "terminating error: " + Terminating?.ErrorRecord);
        Assert.True(Errors.Count == 0, "errors: " + string.Join(" | ", Errors.Select(error =>
            $"{error.FullyQualifiedErrorId}: {error}")));
    }

    public ErrorRecord SingleError() => Assert.Single(AllErrors);

    /// <summary>
    /// Every text a user could see: each stream's messages, error records with their exceptions and details, and every
    /// property of every emitted object (recursively), for leak scans.
    /// </summary>
    public string EverythingAsText()
    {
        var text = new StringBuilder(HostText);
        foreach (var error in AllErrors)
        {
            text.AppendLine(error.ToString()).AppendLine(error.ErrorDetails?.Message).AppendLine(error.ErrorDetails?.RecommendedAction)
                .AppendLine(error.TargetObject?.ToString()).AppendLine(error.FullyQualifiedErrorId);
            for (var exception = error.Exception; exception != null; exception = exception.InnerException)
            {
                text.AppendLine(exception.ToString());
            }
        }

        text.AppendJoin('\n', Warnings.Select(record => record.Message)).AppendLine();
        text.AppendJoin('\n', Verbose.Select(record => record.Message)).AppendLine();
        text.AppendJoin('\n', Debug.Select(record => record.Message)).AppendLine();
        text.AppendJoin('\n', Information.Select(record => record.MessageData?.ToString())).AppendLine();
        text.AppendJoin('\n', Progress.Select(record => record.Activity + " " + record.StatusDescription + " " +
            record.CurrentOperation)).AppendLine();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var item in Output)
        {
            AppendObject(text, item, seen, 0);
        }

        return text.ToString();
    }

    private static void AppendObject(StringBuilder text, object? value, HashSet<object> seen, int depth)
    {
        if (value == null || depth > 6)
        {
            return;
        }

        if (value is PSObject wrapped)
        {
            value = wrapped.BaseObject;
        }

        text.AppendLine(value.ToString());
        if (value is string || value.GetType().IsPrimitive || value is Enum || !seen.Add(value))
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                text.AppendLine(entry.Key?.ToString());
                AppendObject(text, entry.Value, seen, depth + 1);
            }

            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AppendObject(text, item, seen, depth + 1);
            }

            return;
        }

        foreach (var property in PSObject.AsPSObject(value).Properties)
        {
            object? propertyValue;
            try
            {
                propertyValue = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            AppendObject(text, propertyValue, seen, depth + 1);
        }
    }
}
