using System.Collections.Generic;
using LiveStream.Sigma;

namespace LiveStream.Completion
{
    /// <summary>Sigma's latency modes by their PowerShell names.</summary>
    public sealed class SigmaModeCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<string> Values => SigmaModes.Names;
    }
}
