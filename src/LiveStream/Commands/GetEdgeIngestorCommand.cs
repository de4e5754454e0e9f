using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
            var connection = ResolveConnection(LiveStreamVendor.Theta);
            var client = ThetaClientFor(connection);
            ForItem(connection, () => WriteIngestors(Await(token => client.ListIngestorsAsync(token))));
        }

        /// <summary>The vendor answers with one unpaged list: -State, -Skip and -First apply to it here.</summary>
        private void WriteIngestors(IReadOnlyList<EdgeIngestor> listed)
        {
            var matching = listed.Where(ingestor => State == null ||
                State.Any(state => string.Equals(state, ingestor.State, StringComparison.OrdinalIgnoreCase))).ToList();
            if (PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount((ulong)matching.Count, 1.0));
            }

            var skipped = matching.Skip((int)Math.Min(PagingParameters.Skip, int.MaxValue));
            WriteObject(skipped.Take((int)Math.Min(PagingParameters.First, int.MaxValue)), enumerateCollection: true);
        }
    }
}
