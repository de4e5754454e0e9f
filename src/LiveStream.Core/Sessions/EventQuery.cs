using System;

namespace LiveStream.Sessions
{
    /// <summary>A vendor-neutral query of one session's events.</summary>
    public sealed class EventQuery
    {
        public EventQuery(string sessionId)
        {
            SessionId = sessionId;
        }

        public string SessionId { get; }

        /// <summary>One action to filter on (the service filters; more than one is the caller's filter).</summary>
        public string? Action { get; set; }

        /// <summary>Only events created at or after this time.</summary>
        public DateTimeOffset? CreatedFrom { get; set; }

        /// <summary>Newest first instead of in the order they happened.</summary>
        public bool NewestFirst { get; set; }
    }
}
