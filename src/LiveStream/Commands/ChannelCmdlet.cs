using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Connections;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// The channel cmdlets, whose names do not say the vendor. The connection for an item: the one given with
    /// -Connection or bound from a piped object's Connection; otherwise the id's form picks the vendor (a GUID: the default
    /// Sigma connection; stream_...: the default Theta connection). A command that names no channel never guesses the
    /// vendor: see <see cref="ConnectionForCreate"/> and <see cref="ConnectionsToList"/>. Each cmdlet does its vendor's
    /// work in one method per vendor.
    /// </summary>
    public abstract class ChannelCmdlet : PerItemCmdlet
    {
        /// <summary>
        /// The connection for an item with <paramref name="channelId"/>: -Connection (given or piped), else the default
        /// connection of the vendor the id's form names; an id of neither form (or none) falls to
        /// <see cref="ConnectionForCreate"/>, which never guesses between two connected vendors.
        /// </summary>
        protected LiveStreamConnection ConnectionFor(string? channelId) =>
            Connection != null ? Current(Connection)
            : VendorOfChannelId(channelId) is LiveStreamVendor vendor ? ResolveConnection(vendor)
            : ConnectionForCreate(null);

        internal static LiveStreamVendor? VendorOfChannelId(string? channelId) =>
            SigmaIds.IsId(channelId) ? LiveStreamVendor.Sigma
            : ThetaIds.IsStreamId(channelId) ? LiveStreamVendor.Theta
            : (LiveStreamVendor?)null;

        /// <summary>
        /// The connection of a create: -Connection (given or piped); else the default connection of
        /// <paramref name="vendor"/> (what -Vendor names); else the default connection when only one vendor is
        /// connected; else, with both connected, Sigma's when a Sigma-only parameter is given. With both vendors
        /// connected and nothing that says which, the command stops with AmbiguousConnection before any request.
        /// </summary>
        protected LiveStreamConnection ConnectionForCreate(LiveStreamVendor? vendor)
        {
            if (Connection != null)
            {
                if (vendor.HasValue)
                {
                    CheckVendor(Connection, vendor.Value);
                }

                return Current(Connection);
            }

            if (vendor.HasValue)
            {
                return ResolveConnection(vendor.Value);
            }

            var store = ConnectionStore.ForCurrentRunspace();
            var sigma = store.DefaultFor(LiveStreamVendor.Sigma);
            var theta = store.DefaultFor(LiveStreamVendor.Theta);
            if (sigma != null && theta != null && GivenSigmaOnlyParameters().Length == 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"{MyInvocation.MyCommand.Name} does not know which vendor to create on: " +
                        $"this session is connected to Sigma ('{sigma.Name}') and Theta ('{theta.Name}'), and nothing " +
                        "given says which. Add -Vendor Sigma or -Vendor Theta, or give the connection with -Connection " +
                        $"(for example -Connection '{sigma.Name}'). Sigma-only parameters such as -Description mean Sigma."),
                    "LiveStream.AmbiguousConnection", ErrorCategory.InvalidArgument, null));
            }

            var connection = sigma ?? theta;
            if (connection == null)
            {
                ThrowNotConnected(null);
            }

            return connection!;
        }

        /// <summary>
        /// The connections a list reads: -Connection (given or piped); else every connection of this session, oldest
        /// first, of <paramref name="vendor"/> when it is given. None is a terminating NotConnected.
        /// </summary>
        protected IReadOnlyList<LiveStreamConnection> ConnectionsToList(LiveStreamVendor? vendor)
        {
            if (Connection != null)
            {
                if (vendor.HasValue)
                {
                    CheckVendor(Connection, vendor.Value);
                }

                return new[] { Current(Connection) };
            }

            var all = ConnectionStore.ForCurrentRunspace().All
                .Where(connection => !vendor.HasValue || connection.Vendor == vendor.Value)
                .ToList();
            if (all.Count == 0)
            {
                ThrowNotConnected(vendor);
            }

            return all;
        }

        /// <summary>
        /// Runs <paramref name="sigma"/> or <paramref name="theta"/> for each id, by the vendor of its connection, after
        /// checking that the id has that vendor's form; a malformed id becomes an error record in input order.
        /// </summary>
        protected void ForEachChannelId(IEnumerable<string> channelIds, Action<SigmaClient, string> sigma,
            Action<ThetaClient, string> theta)
        {
            foreach (var channelId in channelIds)
            {
                if (Connection == null && VendorOfChannelId(channelId) == null)
                {
                    WriteInvalidId(channelId, $"'{channelId}' is not a channel id: Sigma channel ids are GUIDs such as " +
                        "42efeee4-e94e-4444-b0a6-90850413519d, Theta stream ids are stream_ followed by 25 letters or " +
                        "digits. Get-LiveChannel lists the channels with their ids; Get-LiveChannel -Name finds one by name.");
                    continue;
                }

                var connection = ConnectionFor(channelId);
                if (connection.Vendor == LiveStreamVendor.Theta)
                {
                    if (ThetaIds.IsStreamId(channelId))
                    {
                        theta(ThetaClientFor(connection), channelId);
                    }
                    else
                    {
                        WriteInvalidId(channelId, $"'{channelId}' is not a Theta stream id, and {connection} is a Theta " +
                            "connection. Theta stream ids are stream_ followed by 25 letters or digits; Get-LiveChannel " +
                            "lists the streams of a connection, and Get-LiveChannel -Name finds one by name.");
                    }
                }
                else if (SigmaIds.IsId(channelId))
                {
                    sigma(SigmaClientFor(connection), channelId);
                }
                else
                {
                    WriteInvalidId(channelId, $"'{channelId}' is not a Sigma channel id. Sigma channel ids are GUIDs such " +
                        "as 42efeee4-e94e-4444-b0a6-90850413519d; Get-LiveChannel lists the channels of a connection, and " +
                        "Get-LiveChannel -Name finds one by name.");
                }
            }
        }

        // The parameters given on the command line, apart from those bound from each piped object's properties.
        private HashSet<string>? _givenOnCommandLine;

        protected override void BeginProcessing() =>
            _givenOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

        /// <summary>The Sigma-only parameters bound with a value (an empty text or list counts as not given).</summary>
        private string[] GivenSigmaOnlyParameters(bool onCommandLineOnly = false) =>
            SigmaOnlyAttribute.ParameterNames(GetType())
                .Where(name => MyInvocation.BoundParameters.TryGetValue(name, out var value) && HasValue(value))
                .Where(name => !onCommandLineOnly || _givenOnCommandLine == null || _givenOnCommandLine.Contains(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

        private static bool HasValue(object? value) => value switch
        {
            null => false,
            string text => text.Length > 0,
            Array list => list.Length > 0,
            _ => true,
        };

        /// <summary>
        /// True when no Sigma-only parameter was given or the connection is Sigma's; otherwise writes one error record
        /// that names them, in input order, and nothing is sent. Sigma-only values bound from a piped object's properties
        /// (a Sigma channel copied to Theta, a CSV's Description column) are left out on Theta, with a verbose line.
        /// </summary>
        protected bool CheckParametersFit(LiveStreamConnection connection, object target)
        {
            if (connection.Vendor == LiveStreamVendor.Sigma)
            {
                return true;
            }

            var given = GivenSigmaOnlyParameters(onCommandLineOnly: true);
            var piped = GivenSigmaOnlyParameters().Except(given).ToArray();
            if (piped.Length > 0)
            {
                WriteVerbose($"{string.Join(", ", piped.Select(name => "-" + name))} of the piped object left out for " +
                    $"'{target}': Sigma only, and {connection} is a {connection.Vendor} connection.");
            }

            if (given.Length == 0)
            {
                return true;
            }

            var names = string.Join(", ", given.Select(name => "-" + name));
            WriteErrorInOrder(new ErrorRecord(
                new ArgumentException($"{names} {(given.Length == 1 ? "is a Sigma-only parameter" : "are Sigma-only parameters")} " +
                    $"of {MyInvocation.MyCommand.Name}, and {connection} is a {connection.Vendor} connection. Leave " +
                    $"{(given.Length == 1 ? "it" : "them")} out, or pass a Sigma connection with -Connection."),
                "LiveStream.ParameterNotSupported", ErrorCategory.InvalidArgument, target));
            return false;
        }

        private void WriteInvalidId(string channelId, string message) =>
            WriteInputError("LiveStream.InvalidId", message, ErrorCategory.InvalidArgument, channelId);

        /// <summary>
        /// Sends <paramref name="change"/> for one channel after ShouldProcess; with <paramref name="passThru"/>, reads
        /// the channel again afterwards with <paramref name="read"/> and writes it. A channel found in the wanted state
        /// already (<paramref name="alreadySo"/> says how, e.g. "already active") is success with a verbose line.
        /// </summary>
        protected void DispatchChange(VendorClient client, string channelId, string action,
            Func<CancellationToken, Task<ChangeOutcome>> change, Func<CancellationToken, Task<LiveChannel>> read, bool passThru,
            string alreadySo) =>
            Dispatch(channelId, action, async token =>
                {
                    var outcome = await change(token).ConfigureAwait(false);
                    return (Outcome: outcome, Channel: passThru ? await read(token).ConfigureAwait(false) : null);
                },
                done =>
                {
                    WriteChangeOutcome(done.Outcome, Describe(client, channelId), action, alreadySo);
                    WriteChannel(done.Channel);
                },
                Describe(client, channelId));

        /// <summary>The verbose line of a change that was not simply made: the object was in the wanted state already.</summary>
        protected void WriteChangeOutcome(ChangeOutcome outcome, string what, string action, string alreadySo)
        {
            if (outcome == ChangeOutcome.AlreadySo)
            {
                WriteVerbose($"{what} is {alreadySo}; nothing to {action.ToLowerInvariant()}.");
            }
            else if (outcome == ChangeOutcome.Confirmed)
            {
                WriteVerbose($"{what}: the answer to {action.ToLowerInvariant()} was lost or refused as already done; " +
                    $"read back, it is {alreadySo}.");
            }
        }

        /// <summary>Writes a channel when there is one (a call made without -PassThru returns none).</summary>
        protected void WriteChannel(LiveChannel? channel)
        {
            if (channel != null)
            {
                WriteObject(channel);
            }
        }

        /// <summary>What ShouldProcess and messages call a channel (a Theta channel is a stream).</summary>
        protected static string Describe(VendorClient client, string channelId) =>
            $"{(client is ThetaClient ? "Theta stream" : "Sigma channel")} {channelId} (connection '{client.Origin?.Name}')";
    }
}
