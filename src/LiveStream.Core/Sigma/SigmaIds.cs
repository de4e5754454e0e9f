using System;

namespace LiveStream.Sigma
{
    /// <summary>Sigma ids (channels, sessions, events, apps, profiles) are GUIDs.</summary>
    public static class SigmaIds
    {
        public static bool IsId(string? value) => value != null && Guid.TryParseExact(value, "D", out _);
    }
}
