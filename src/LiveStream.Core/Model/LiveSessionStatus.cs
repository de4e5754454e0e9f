namespace LiveStream.Model
{
    /// <summary>The answer of GET /sessions/{id}/status: a session's current status.</summary>
    public sealed class LiveSessionStatus
    {
        public LiveSessionStatus(string sessionId, string status)
        {
            SessionId = sessionId;
            Status = status;
        }

        public string SessionId { get; }

        public string Status { get; }

        // Internal: PowerShell reaches it through LiveStream.types.ps1xml, which keeps it out of ConvertTo-Json and Export-Csv.
        internal LiveStreamConnection? Connection { get; set; }

        public override string ToString() => Status;
    }
}
