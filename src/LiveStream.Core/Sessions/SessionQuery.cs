using System;

namespace LiveStream.Sessions
{
    /// <summary>A vendor-neutral session list query; every part is optional.</summary>
    public sealed class SessionQuery
    {
        public string? ChannelId { get; set; }

        /// <summary>A session status as the vendor names it (init, processing, preparing, error, live, ended), any case.</summary>
        public string? Status { get; set; }

        /// <summary>Only sessions created at or after this time.</summary>
        public DateTimeOffset? CreatedFrom { get; set; }

        /// <summary>Only sessions created at or before this time.</summary>
        public DateTimeOffset? CreatedTo { get; set; }

        /// <summary>Oldest first instead of newest first.</summary>
        public bool OldestFirst { get; set; }
    }
}
