using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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
        /// Runs <paramref name="sigma"/> for each id of a Sigma connection after checking that the id is a Sigma channel
        /// id; a malformed id and an id of a vendor the cmdlet does not serve yet become error records in input order.
        /// </summary>
        protected void ForEachChannelId(IEnumerable<string> channelIds, Action<SigmaClient, string> sigma)
        {
            foreach (var channelId in channelIds)
            {
                var connection = ConnectionFor(channelId);
                if (connection.Vendor != LiveStreamVendor.Sigma)
                {
                    WriteNotSupported(connection, channelId);
                }
                else if (!SigmaIds.IsId(channelId))
                {
                    WriteErrorInOrder(new ErrorRecord(
                        new ArgumentException($"'{channelId}' is not a Sigma channel id. Sigma channel ids are GUIDs such " +
                            "as 42efeee4-e94e-4444-b0a6-90850413519d; Get-LiveChannel lists the channels of a connection."),
                        "LiveStream.InvalidId", ErrorCategory.InvalidArgument, channelId));
                }
                else
                {
                    sigma(SigmaClientFor(connection), channelId);
                }
            }
        }

        /// <summary>An error record for an item on a connection of a vendor this cmdlet does not serve yet.</summary>
        protected void WriteNotSupported(LiveStreamConnection connection, object target) =>
            WriteErrorInOrder(new ErrorRecord(
                new NotSupportedException($"{MyInvocation.MyCommand.Name} does not work with {connection.Vendor} " +
                    $"connections yet, and {connection} is one. Use a Sigma connection (-Connection) or a Sigma channel id."),
                "LiveStream.NotSupported", ErrorCategory.InvalidOperation, target));

        /// <summary>
        /// Sends <paramref name="change"/> for one Sigma channel after ShouldProcess; with <paramref name="passThru"/>,
        /// reads the channel again afterwards and writes it.
        /// </summary>
        protected void DispatchChange(SigmaClient client, string channelId, string action,
            Func<CancellationToken, Task> change, bool passThru) =>
            Dispatch(channelId, action, async token =>
                {
                    await change(token).ConfigureAwait(false);
                    return passThru ? await client.GetChannelAsync(channelId, token).ConfigureAwait(false) : null;
                },
                WriteChannel, Describe(client, channelId));

        /// <summary>Writes a channel when there is one (a call made without -PassThru returns none).</summary>
        protected void WriteChannel(LiveChannel? channel)
        {
            if (channel != null)
            {
                WriteObject(channel);
            }
        }

        /// <summary>What ShouldProcess and messages call a channel.</summary>
        protected static string Describe(SigmaClient client, string channelId) =>
            $"Sigma channel {channelId} (connection '{client.Origin?.Name}')";
    }
}
