using System.Management.Automation;
using LiveStream.Completion;
using LiveStream.Connections;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// A cmdlet that calls a vendor. -Connection takes a connection object, a connection's name, or binds from the
    /// Connection property of piped objects; without it the most recent connection for the vendor the command needs is
    /// used.
    /// </summary>
    public abstract class VendorCmdlet : LiveStreamCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ConnectionTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public LiveStreamConnection? Connection { get; set; }

        /// <summary>
        /// The connection for a call to <paramref name="vendor"/>: the one given or piped (see <see cref="Current"/>),
        /// else the most recent one for the vendor; a terminating NotConnected when there is none, WrongVendor for a
        /// connection of the other vendor.
        /// </summary>
        protected LiveStreamConnection ResolveConnection(LiveStreamVendor vendor)
        {
            if (Connection != null)
            {
                CheckVendor(Connection, vendor);
                return Current(Connection);
            }

            var found = ConnectionStore.ForCurrentRunspace().DefaultFor(vendor);
            if (found == null)
            {
                ThrowNotConnected(vendor);
            }

            return found!;
        }

        /// <summary>Ends the command with WrongVendor when <paramref name="connection"/> is not a <paramref name="vendor"/> connection.</summary>
        protected void CheckVendor(LiveStreamConnection connection, LiveStreamVendor vendor)
        {
            if (connection.Vendor != vendor)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"{MyInvocation.MyCommand.Name} needs a {vendor} connection here, but " +
                        $"{connection} is a {connection.Vendor} connection. Pass a {vendor} connection with " +
                        "-Connection, or run Connect-LiveStream -" + vendor + "."),
                    "LiveStream.WrongVendor", ErrorCategory.InvalidArgument, connection));
            }
        }

        /// <summary>The terminating NotConnected of a command that needs a <paramref name="vendor"/> connection (any, when null).</summary>
        protected void ThrowNotConnected(LiveStreamVendor? vendor)
        {
            var which = vendor.HasValue ? "a " + vendor + " connection" : "a connection";
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException($"{MyInvocation.MyCommand.Name} needs {which}, and this session " +
                    "has none. Run Connect-LiveStream first (for example Connect-LiveStream -" +
                    (vendor ?? LiveStreamVendor.Sigma) + " -Credential (Get-Credential) ...)."),
                "LiveStream.NotConnected", ErrorCategory.ConnectionError, null));
        }

        /// <summary>
        /// The open connection to use for a given or piped one: itself while open; once a newer Connect-LiveStream of
        /// the same name replaced it, that newer connection when it reaches the same account. A connection closed for
        /// good is returned as it is, and each call through it fails as that item's NotConnected record.
        /// </summary>
        protected static LiveStreamConnection Current(LiveStreamConnection connection) =>
            ConnectionStore.Current(connection) ?? connection;

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

        protected SigmaClient SigmaClientFor(LiveStreamConnection connection) => connection.CreateSigmaClient(Trace);

        protected ThetaClient ThetaClientFor(LiveStreamConnection connection) => connection.CreateThetaClient(Trace);
    }
}
