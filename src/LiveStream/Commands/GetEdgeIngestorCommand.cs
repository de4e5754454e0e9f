using System;
using System.Linq;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "EdgeIngestor", SupportsPaging = true)]
    [OutputType(typeof(EdgeIngestor))]
    public sealed class GetEdgeIngestorCommand : VendorCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("Available", "Busy", "Selected", "Unavailable")]
        public string[]? State { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(ChannelFeatures.EdgeIngestors);
            var ingestors = connection.Ingestors(Trace);
            var states = State;
            Func<EdgeIngestor, bool>? inState = states == null
                ? (Func<EdgeIngestor, bool>?)null
                : ingestor => states.Any(state => string.Equals(state, ingestor.State, StringComparison.OrdinalIgnoreCase));
            ForItem(connection, () => PagedOutput.Write(this, ingestors.List(), inState));
        }
    }
}
