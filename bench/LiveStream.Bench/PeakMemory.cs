namespace LiveStream.Bench;

/// <summary>
/// The largest live managed heap above the baseline while it runs: a sampler forces a full collection every 20 ms, so
/// that garbage the collector has not reclaimed yet (whose amount depends on its budget, not on the module) does not count.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly long _baseline = GC.GetTotalMemory(true);
    private long _peak;

    public PeakMemory() => _sampler = Task.Run(() =>
    {
        while (!_stop.IsCancellationRequested)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(true) - _baseline);
            Thread.Sleep(20);
        }
    });

    /// <summary>The live managed heap when sampling began, in bytes.</summary>
    public long Baseline => _baseline;

    /// <summary>Stops sampling; the peak above the baseline in bytes.</summary>
    public long Stop()
    {
        _stop.Cancel();
        _sampler.Wait();
        return _peak;
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            Stop();
        }

        _stop.Dispose();
    }
}
