using System.Collections.Concurrent;
using System.Threading;
using LiveStream.Http;

namespace LiveStream.Commands
{
    /// <summary>
    /// Collects what the HTTP core reports from any thread, so that the cmdlet can write it from the pipeline thread,
    /// the only thread PowerShell lets write to its streams.
    /// </summary>
    internal sealed class PipelineTrace : IApiTrace
    {
        private readonly ConcurrentQueue<TraceMessage> _messages = new ConcurrentQueue<TraceMessage>();

        public PipelineTrace(SemaphoreSlim wakeUp, bool wantsVerbose, bool wantsDebug)
        {
            WakeUp = wakeUp;
            WantsVerbose = wantsVerbose;
            WantsDebug = wantsDebug;
        }

        public bool WantsVerbose { get; }

        public bool WantsDebug { get; }

        public SemaphoreSlim WakeUp { get; }

        public void Verbose(string message) => Enqueue(TraceLevel.Verbose, message);

        public void Debug(string message) => Enqueue(TraceLevel.Debug, message);

        public void Warning(string message) => Enqueue(TraceLevel.Warning, message);

        public bool TryDequeue(out TraceMessage message) => _messages.TryDequeue(out message);

        private void Enqueue(TraceLevel level, string text)
        {
            _messages.Enqueue(new TraceMessage(level, text));
            WakeUp.Release();
        }
    }

    internal enum TraceLevel
    {
        Verbose,
        Debug,
        Warning,
    }

    internal readonly struct TraceMessage
    {
        public TraceMessage(TraceLevel level, string text)
        {
            Level = level;
            Text = text;
        }

        public TraceLevel Level { get; }

        public string Text { get; }
    }
}
