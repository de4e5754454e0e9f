using System.Diagnostics;
using System.Globalization;
using System.Management.Automation.Runspaces;
using PowerShell = System.Management.Automation.PowerShell;

namespace LiveStream.Bench;

/// <summary>Cold Import-Module in a hosted runspace, a fresh process each time.</summary>
internal static class ImportBench
{
    public static BenchRow Run(int runs)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            samples.Add(InFreshProcess());
        }

        samples.Sort();
        return new("Import (C#, hosted runspace)", $"cold Import-Module, median of {runs} fresh processes (min-max)",
            $"{samples[samples.Count / 2]:0} ms ({samples[0]:0}-{samples[^1]:0})");
    }

    /// <summary>What the fresh process does (--import-probe): one import, timed.</summary>
    public static TimeSpan ImportOnce()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand("Import-Module").AddParameter("Name", Path.Combine(AppContext.BaseDirectory, "LiveStream.psd1"));
        var clock = Stopwatch.StartNew();
        shell.Invoke();
        return clock.Elapsed;
    }

    private static double InFreshProcess()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LiveStream.Bench.dll"), "--import-probe"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("The import probe did not end within 60 s.");
        }

        return double.Parse(text.Split('\n')[^1], CultureInfo.InvariantCulture);
    }
}
