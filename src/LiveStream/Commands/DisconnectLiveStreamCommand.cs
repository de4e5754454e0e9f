using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Connections;
using LiveStream.Model;

namespace LiveStream.Commands
{
    [Cmdlet(VerbsCommunications.Disconnect, "LiveStream", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectLiveStreamCommand : LiveStreamCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByConnectionSet = "ByConnection";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = ByConnectionSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public LiveStreamConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var store = ConnectionStore.ForCurrentRunspace();
            if (ParameterSetName == ByConnectionSet)
            {
                Disconnect(store, Connection!);
                return;
            }

            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matched = false;
                foreach (var connection in store.All)
                {
                    if (pattern.IsMatch(connection.Name))
                    {
                        matched = true;
                        Disconnect(store, connection);
                    }
                }

                if (!matched && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteInputError("LiveStream.ConnectionNotFound",
                        $"There is no connection named '{name}'. Get-LiveStreamConnection lists the connections of this session.",
                        ErrorCategory.ObjectNotFound, name);
                }
            }
        }

        private void Disconnect(ConnectionStore store, LiveStreamConnection connection)
        {
            if (ShouldProcess(connection.ToString(), "Disconnect"))
            {
                store.Remove(connection);
                WriteVerbose($"Disconnected {connection}.");
            }
        }
    }
}
