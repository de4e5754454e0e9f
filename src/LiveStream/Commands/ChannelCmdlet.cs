using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Sigma;
using LiveStream.Theta;

namespace LiveStream.Commands
{
    /// <summary>
    /// The channel cmdlets, whose names do not say the vendor. The connection for an item: the one given with
    /// -Connection or bound from a piped object's Connection; otherwise the id's form picks the vendor (a GUID: the default
    /// Sigma connection; stream_...: the default Theta connection); with no id, the most recent connection of either vendor.
    /// Each cmdlet does its vendor's work in one method per vendor.
    /// </summary>
    public abstract class ChannelCmdlet : PerItemCmdlet
    {
        /// <summary>The connection for an item with <paramref name="channelId"/> (null when the command names no channel).</summary>
        protected LiveStreamConnection ConnectionFor(string? channelId) =>
            Connection != null ? EnsureOpen(Connection) : ResolveConnection(VendorOfChannelId(channelId));

        internal static LiveStreamVendor? VendorOfChannelId(string? channelId) =>
            SigmaIds.IsId(channelId) ? LiveStreamVendor.Sigma
            : ThetaIds.IsStreamId(channelId) ? LiveStreamVendor.Theta
            : (LiveStreamVendor?)null;

        /// <summary>
        /// Runs <paramref name="sigma"/> or <paramref name="theta"/> for each id, by the vendor of its connection, after
        /// checking that the id has that vendor's form; a malformed id becomes an error record in input order.
        /// </summary>
        protected void ForEachChannelId(IEnumerable<string> channelIds, Action<SigmaClient, string> sigma,
            Action<ThetaClient, string> theta)
        {
            foreach (var channelId in channelIds)
            {
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
                            "lists the streams of a connection.");
                    }
                }
                else if (SigmaIds.IsId(channelId))
                {
                    sigma(SigmaClientFor(connection), channelId);
                }
                else
                {
                    WriteInvalidId(channelId, $"'{channelId}' is not a Sigma channel id. Sigma channel ids are GUIDs such " +
                        "as 42efeee4-e94e-4444-b0a6-90850413519d; Get-LiveChannel lists the channels of a connection.");
                }
            }
        }

        /// <summary>
        /// True when no Sigma-only parameter was given or the connection is Sigma's; otherwise writes one error record
        /// that names them, in input order, and nothing is sent.
        /// </summary>
        protected bool CheckParametersFit(LiveStreamConnection connection, object target)
        {
            var given = SigmaOnlyAttribute.ParameterNames(GetType())
                .Where(name => MyInvocation.BoundParameters.ContainsKey(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
            if (connection.Vendor == LiveStreamVendor.Sigma || given.Length == 0)
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
