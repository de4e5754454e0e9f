using System.Diagnostics;
using System.Reflection;

namespace LiveStream.Tests.Infrastructure;

/// <summary>
/// The packaged module that the Package target assembled at build time (bin/.../package/, the same layout as out/),
/// and LiveStream.PackageHost, a process that hosts the engine without any LiveStream assembly of its own. The test
/// process cannot import the packaged folder itself: it already has the development build's LiveStream.dll and
/// LiveStream.Core.dll on its assembly path (it references the projects), so it would use those.
/// </summary>
public static class PackagedModule
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "package");

    /// <summary>package/LiveStream/&lt;version&gt;/.</summary>
    public static string Folder => Assert.Single(Directory.GetDirectories(Path.Combine(Root, "LiveStream")));

    public static string Manifest => Path.Combine(Folder, "LiveStream.psd1");

    public static string Zip => Path.Combine(Root, "LiveStream.zip");

    /// <summary>System.Text.Json 7.0.3, not the module's 8.0.5.</summary>
    public static string ConflictingJson => Path.Combine(AppContext.BaseDirectory, "conflicting", "System.Text.Json.dll");

    private static string HostPath => typeof(PackagedModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "LiveStream.PackageHost").Value!;

    /// <summary>Runs a script file in LiveStream.PackageHost with string variables; the records it printed.</summary>
    public static HostRun RunScript(string scriptPath, IReadOnlyDictionary<string, string> variables, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostPath);
        start.ArgumentList.Add(scriptPath);
        foreach (var (name, value) in variables)
        {
            start.ArgumentList.Add(name + "=" + value);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"LiveStream.PackageHost did not end within {timeout}. Output so far:\n{output.Result}");
        }

        return new HostRun(process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>What LiveStream.PackageHost printed: OUT/ERR/WRN/TERM records, one a line, tab-separated.</summary>
public sealed class HostRun(int exitCode, string output, string errorOutput)
{
    private readonly List<(string Kind, string Text)> _records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.TrimEnd('\r').Split('\t', 2))
        .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : string.Empty))
        .ToList();

    public int ExitCode { get; } = exitCode;

    public IEnumerable<string> Errors => Of("ERR").Concat(Of("TERM"));

    public IEnumerable<string> Warnings => Of("WRN");

    /// <summary>The values of the output lines "key=value" with this key, in order.</summary>
    public List<string> Values(string key) =>
        Of("OUT").Where(text => text.StartsWith(key + "=", StringComparison.Ordinal)).Select(text => text[(key.Length + 1)..]).ToList();

    public string Value(string key)
    {
        var values = Values(key);
        Assert.True(values.Count == 1, $"expected one '{key}=' line, got {values.Count}.\n{Describe()}");
        return values[0];
    }

    public string Describe() => $"exit code {ExitCode}\n{output}\n{errorOutput}";

    private IEnumerable<string> Of(string kind) => _records.Where(record => record.Kind == kind).Select(record => record.Text);
}
