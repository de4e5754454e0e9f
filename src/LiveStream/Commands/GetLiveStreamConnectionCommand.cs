using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Connections;
using LiveStream.Model;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommon.Get, "LiveStreamConnection")]
    [OutputType(typeof(LiveStreamConnection))]
    public sealed class GetLiveStreamConnectionCommand : LiveStreamCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Name { get; set; } = "*";

        [Parameter]
        public LiveStreamVendor? Vendor { get; set; }

        protected override void EndProcessing()
        {
            var pattern = NamePattern.Create(Name, out var invalid);
            if (pattern == null)
            {
                WriteError(invalid!);
                return;
            }

            var any = false;
            foreach (var connection in ConnectionStore.ForCurrentRunspace().All)
            {
                if (pattern.IsMatch(connection.Name) && (Vendor == null || connection.Vendor == Vendor))
                {
                    any = true;
                    WriteObject(connection);
                }
            }

            if (!any && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                WriteInputError(ErrorIds.ConnectionNotFound,
                    $"There is no connection named '{Name}'. Connect-LiveStream -Name '{Name}' creates one.",
                    ErrorCategory.ObjectNotFound, Name);
            }
        }
    }
}
