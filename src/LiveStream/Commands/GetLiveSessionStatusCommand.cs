using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Model;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveSessionStatus")]
    [OutputType(typeof(LiveSessionStatus))]
    public sealed class GetLiveSessionStatusCommand : PerItemCmdlet
    {
        /// <summary>Session ids; a piped channel gives its current session.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CurrentSessionId")]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public string?[] SessionId { get; set; } = new string?[0];

        protected override void ProcessRecord()
        {
            // A piped channel with no current session, or -SessionId $null, binds a null array, not an array holding null.
            foreach (var id in SessionId ?? new string?[] { null })
            {
                if (!CheckSessionId(id))
                {
                    continue;
                }

                var client = SigmaClientFor(ResolveConnection(LiveStreamVendor.Sigma));
                Dispatch(id!, null, token => client.GetSessionStatusAsync(id!, token), status => WriteObject(status));
            }
        }
    }
}
