using System.Linq;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Completion;
using LiveStream.Connections;
using LiveStream.Ids;
using LiveStream.Model;

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
        internal LiveStreamConnection ResolveConnection(LiveStreamVendor vendor)
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

        /// <summary>
        /// The connection of a command about what only some vendors have (<paramref name="feature"/>: sessions, Edge
        /// Ingestors): the one given or piped, else the most recent one of the vendor that has it.
        /// </summary>
        internal LiveStreamConnection ResolveConnection(ChannelFeatures feature) =>
            ResolveConnection(VendorProfile.Supporting(feature).First().Vendor);

        /// <summary>Ends the command with WrongVendor when <paramref name="connection"/> is not a <paramref name="vendor"/> connection.</summary>
        internal void CheckVendor(LiveStreamConnection connection, LiveStreamVendor vendor)
        {
            if (connection.Vendor != vendor)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"{MyInvocation.MyCommand.Name} needs a {vendor} connection here, but " +
                        $"{connection} is a {connection.Vendor} connection. Pass a {vendor} connection with " +
                        "-Connection, or run Connect-LiveStream -" + vendor + "."),
                    ErrorIds.WrongVendor, ErrorCategory.InvalidArgument, connection));
            }
        }

        /// <summary>The terminating NotConnected of a command that needs a <paramref name="vendor"/> connection (any, when null).</summary>
        internal void ThrowNotConnected(LiveStreamVendor? vendor)
        {
            var which = vendor.HasValue ? "a " + vendor + " connection" : "a connection";
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException($"{MyInvocation.MyCommand.Name} needs {which}, and this session " +
                    "has none. Run Connect-LiveStream first (for example Connect-LiveStream -" +
                    (vendor ?? LiveStreamVendor.Sigma) + " -Credential (Get-Credential) ...)."),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null));
        }

        /// <summary>
        /// The open connection to use for a given or piped one: itself while open; once a newer Connect-LiveStream of
        /// the same name replaced it, that newer connection when it reaches the same account. A connection closed for
        /// good is returned as it is, and each call through it fails as that item's NotConnected record.
        /// </summary>
        internal static LiveStreamConnection Current(LiveStreamConnection connection) =>
            ConnectionStore.Current(connection) ?? connection;

        /// <summary>
        /// True when <paramref name="id"/> has the form of a <paramref name="kind"/> id; otherwise writes one InvalidId
        /// record naming it (in input order), with <paramref name="advice"/> or the kind's own, and nothing is sent.
        /// </summary>
        protected bool CheckId(IdKind kind, string? id, string? advice = null)
        {
            if (IdForms.Matches(kind, id))
            {
                return true;
            }

            WriteInputError(ErrorIds.InvalidId, IdForms.NotAnId(kind, id) + " " + (advice ?? IdAdvice.For(kind)),
                ErrorCategory.InvalidArgument, id);
            return false;
        }

        /// <summary>
        /// True when <paramref name="id"/> is a session id; otherwise writes one record: NoSession when there is no id (a
        /// piped channel that is not broadcasting has no current session), else InvalidId.
        /// </summary>
        protected bool CheckSessionId(string? id)
        {
            if (string.IsNullOrEmpty(id))
            {
                WriteInputError(ErrorIds.NoSession,
                    "No session id was given: a piped channel that is not broadcasting has no current session. " +
                    "Get-LiveSession -ChannelId <id> lists its past sessions.",
                    ErrorCategory.InvalidArgument, id);
                return false;
            }

            return CheckId(IdKind.SigmaSession, id);
        }
    }
}
