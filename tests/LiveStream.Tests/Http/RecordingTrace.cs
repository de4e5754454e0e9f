using LiveStream.Http;

namespace LiveStream.Tests.Http;

internal sealed class RecordingTrace : IApiTrace
{
    public List<string> VerboseMessages { get; } = [];

    public List<string> DebugMessages { get; } = [];

    public IEnumerable<string> All => VerboseMessages.Concat(DebugMessages);

    public bool WantsVerbose => true;

    public bool WantsDebug => true;

    public void Verbose(string message) => VerboseMessages.Add(message);

    public void Debug(string message) => DebugMessages.Add(message);

    public void Warning(string message) => VerboseMessages.Add("WARNING: " + message);
}
