using System.Collections.Generic;
using LiveStream.Sigma;

namespace LiveStream.Completion
{
    /// <summary>The documented Sigma profiles: 1080p, 720p, 480p.</summary>
    public sealed class SigmaProfileCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<string> Values => SigmaProfiles.Names;
    }
}
