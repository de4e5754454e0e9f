using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Connections;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// A cmdlet that calls a vendor. -Connection takes a connection object or binds from the Connection property of
    /// piped objects; without it the most recent connection for the vendor the command needs is used.
    /// </summary>
    public abstract class VendorCmdlet : LiveStreamCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public LiveStreamConnection? Connection { get; set; }

        /// <summary>
        /// The connection for this call: the one given or piped, else the default for <paramref name="vendor"/>, else
        /// the most recent connection of any vendor when the command works with both.
        /// </summary>
        protected LiveStreamConnection ResolveConnection(LiveStreamVendor? vendor)
        {
            if (Connection != null)
            {
                if (vendor.HasValue && Connection.Vendor != vendor.Value)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException($"{MyInvocation.MyCommand.Name} needs a {vendor} connection, but " +
                            $"{Connection} is a {Connection.Vendor} connection. Pass a {vendor} connection with " +
                            "-Connection, or run Connect-LiveStream -" + vendor + "."),
                        "LiveStream.WrongVendor", ErrorCategory.InvalidArgument, Connection));
                }

                return EnsureOpen(Connection);
            }

            var store = ConnectionStore.ForCurrentRunspace();
            var found = vendor.HasValue ? store.DefaultFor(vendor.Value) : LastOf(store);
            if (found == null)
            {
                var which = vendor.HasValue ? "a " + vendor + " connection" : "a connection";
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException($"{MyInvocation.MyCommand.Name} needs {which}, and this session " +
                        "has none. Run Connect-LiveStream first (for example Connect-LiveStream -" +
                        (vendor ?? LiveStreamVendor.Sigma) + " -Credential (Get-Credential) ...)."),
                    "LiveStream.NotConnected", ErrorCategory.ConnectionError, null));
            }

            return found!;
        }

        /// <summary>
        /// True when <paramref name="id"/> is a Sigma id (a GUID); otherwise writes one InvalidId record naming it, and
        /// nothing is sent.
        /// </summary>
        protected bool CheckSigmaId(string? id, string what)
        {
            if (SigmaIds.IsId(id))
            {
                return true;
            }

            WriteInputError("LiveStream.InvalidId",
                $"'{id}' is not a Sigma {what} id. Sigma ids are GUIDs such as 42efeee4-e94e-4444-b0a6-90850413519d.",
                ErrorCategory.InvalidArgument, id);
            return false;
        }

        /// <summary>
        /// True when <paramref name="id"/> is a Sigma session id; otherwise writes one record: NoSession when there is no
        /// id (a piped channel that is not broadcasting has no current session), else InvalidId.
        /// </summary>
        protected bool CheckSessionId(string? id)
        {
            if (string.IsNullOrEmpty(id))
            {
                WriteInputError("LiveStream.NoSession",
                    "No session id was given: a piped channel that is not broadcasting has no current session. " +
                    "Get-LiveSession -ChannelId <id> lists its past sessions.",
                    ErrorCategory.InvalidArgument, id);
                return false;
            }

            return CheckSigmaId(id, "session");
        }

        /// <summary>
        /// True when <paramref name="id"/> is a Theta stream id (stream_ and 25 letters or digits); otherwise writes one
        /// InvalidId record naming it, and nothing is sent.
        /// </summary>
        protected bool CheckThetaStreamId(string? id)
        {
            if (ThetaIds.IsStreamId(id))
            {
                return true;
            }

            WriteInputError("LiveStream.InvalidId",
                $"'{id}' is not a Theta stream id. A stream id is stream_ followed by 25 letters or digits.",
                ErrorCategory.InvalidArgument, id);
            return false;
        }

        /// <summary>
        /// The connection itself while it is open; a connection that a piped object carries may have been closed since
        /// (Disconnect-LiveStream, or a newer connection of the same name), which ends the command with NotConnected.
        /// </summary>
        protected LiveStreamConnection EnsureOpen(LiveStreamConnection connection)
        {
            if (!connection.IsOpen)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException($"{connection} was closed (by Disconnect-LiveStream, or by a newer " +
                        "connection of the same name). Run Connect-LiveStream again and pass the new connection with " +
                        "-Connection, or read the objects again through it."),
                    "LiveStream.NotConnected", ErrorCategory.ConnectionError, connection));
            }

            return connection;
        }

        protected SigmaClient SigmaClientFor(LiveStreamConnection connection) => connection.CreateSigmaClient(Trace);

        protected ThetaClient ThetaClientFor(LiveStreamConnection connection) => connection.CreateThetaClient(Trace);

        private static LiveStreamConnection? LastOf(ConnectionStore store)
        {
            var all = store.All;
            return all.Count == 0 ? null : all[all.Count - 1];
        }
    }
}
