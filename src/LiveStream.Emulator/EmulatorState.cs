using System.Collections.Concurrent;
using LiveStream.Emulator.Sigma;
using LiveStream.Emulator.Theta;

namespace LiveStream.Emulator;

/// <summary>Everything the emulator holds, in memory. Vendor stores guard themselves with their own lock.</summary>
public sealed class EmulatorState
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Clock = new EmulatorClock();
        Sigma = new SigmaStore(Clock);
        Theta = new ThetaStore(Clock, options.Theta);
    }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public SigmaStore Sigma { get; private set; }

    public ThetaStore Theta { get; private set; }

    public Faults Faults { get; } = new();

    private int _inFlight;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Counts a vendor request in while it is handled: returns how many are in flight with it.</summary>
    public int Enter() => Interlocked.Increment(ref _inFlight);

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    public void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > 20_000 && _requests.TryDequeue(out _))
        {
        }
    }

    public void ClearRequests() => _requests.Clear();

    public void Reset()
    {
        Clock.Reset();
        Faults.Clear();
        ClearRequests();
        Sigma = new SigmaStore(Clock);
        Theta = new ThetaStore(Clock, Options.Theta);
    }
}
