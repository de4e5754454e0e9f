using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LiveStream.Bench;

/// <summary>
/// The emulator in a process of its own, so that the benchmark's memory figures count only the module and the
/// PowerShell engine.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The processor time the emulator process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator process's working set now, in bytes.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<EmulatorProcess> StartAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "LiveStream.Emulator.dll");
        var start = new ProcessStartInfo("dotnet", [path, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator did not start.");
        var timeout = Task.Delay(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(line, timeout) == timeout || await line is not { } text)
            {
                process.Kill();
                throw new InvalidOperationException("The emulator did not say where it listens.");
            }

            var match = Regex.Match(text, @"listening on (http://\S+)");
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new EmulatorProcess(process, new Uri(match.Groups[1].Value));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
