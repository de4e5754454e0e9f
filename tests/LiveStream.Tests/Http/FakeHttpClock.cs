using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>
/// Time that moves only when told: a retry wait passes at once (or, with <see cref="HoldDelays"/>, waits for its
/// cancellation), an attempt's timeout fires when the stub transport calls <see cref="ExpireAttempt"/>, and the jitter
/// is a fixed fraction.
/// </summary>
internal sealed class FakeHttpClock : HttpClock
{
    private readonly object _gate = new();
    private TimeSpan _now;
    private (TimeSpan Limit, CancellationTokenSource Source)? _attempt;

    public static readonly DateTimeOffset Date = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public double Jitter { get; set; }

    /// <summary>When set, a retry wait never ends by itself: it ends when its token is cancelled.</summary>
    public bool HoldDelays { get; set; }

    public List<TimeSpan> Delays { get; } = [];

    /// <summary>The time limit each attempt was given, in order.</summary>
    public List<TimeSpan> Timeouts { get; } = [];

    /// <summary>Completes when a wait starts (the first one), so a test can act during it.</summary>
    public TaskCompletionSource DelayStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override TimeSpan Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public override DateTimeOffset UtcNow => Date + Now;

    public override double NextJitter() => Jitter;

    public void Advance(TimeSpan time)
    {
        lock (_gate)
        {
            _now += time;
        }
    }

    public override Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Delays.Add(delay);
            if (!HoldDelays)
            {
                _now += delay;
            }
        }

        DelayStarted.TrySetResult();
        return HoldDelays ? Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken) : Task.CompletedTask;
    }

    public override CancellationTokenSource StartTimeout(TimeSpan timeout)
    {
        var source = new CancellationTokenSource();
        lock (_gate)
        {
            Timeouts.Add(timeout);
            _attempt = (timeout, source);
        }

        return source;
    }

    /// <summary>The current attempt's time runs out: the clock moves on by its limit and its timeout fires.</summary>
    public void ExpireAttempt()
    {
        (TimeSpan Limit, CancellationTokenSource Source) attempt;
        lock (_gate)
        {
            attempt = _attempt ?? throw new InvalidOperationException("no attempt is running");
            _now += attempt.Limit;
        }

        attempt.Source.Cancel();
    }
}
