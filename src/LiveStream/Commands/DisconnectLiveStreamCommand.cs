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
        [ConnectionTransformation]
        [ValidateNotNull]
        public LiveStreamConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var store = ConnectionStore.ForCurrentRunspace();
            if (ParameterSetName == ByConnectionSet)
            {
                Disconnect(ConnectionStore.Current(Connection!) ?? Connection!);
                return;
            }

            foreach (var name in Name)
            {
                var pattern = NamePattern.Create(name, out var invalid);
                if (pattern == null)
                {
                    WriteError(invalid!);
                    continue;
                }

                var matched = false;
                foreach (var connection in store.All)
                {
                    if (pattern.IsMatch(connection.Name))
                    {
                        matched = true;
                        Disconnect(connection);
                    }
                }

                if (!matched && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteInputError(ErrorIds.ConnectionNotFound,
                        $"There is no connection named '{name}'. Get-LiveStreamConnection lists the connections of this session.",
                        ErrorCategory.ObjectNotFound, name);
                }
            }
        }

        /// <summary>
        /// Closes the connection wherever it was made: a connection handed to another runspace ($using:) is closed for
        /// every runspace that uses it, and calls still in flight through it end as NotConnected.
        /// </summary>
        private void Disconnect(LiveStreamConnection connection)
        {
            if (ShouldProcess(connection.ToString(), "Disconnect"))
            {
                WriteVerbose(ConnectionStore.Close(connection)
                    ? $"Disconnected {connection}."
                    : $"{connection} was already disconnected.");
            }
        }
    }
}
