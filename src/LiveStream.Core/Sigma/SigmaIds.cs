using System;

namespace LiveStream.Sigma
{
    /// <summary>Sigma ids (channels, sessions, events, apps, profiles) are GUIDs.</summary>
    public static class SigmaIds
    {
        // Guid parsing forgives surrounding white space; an id in a URL path must not carry any.
        public static bool IsId(string? value) => value != null && value.Length == 36 && Guid.TryParseExact(value, "D", out _);
    }
}
