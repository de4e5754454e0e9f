using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LiveStream.Connections;
using LiveStream.Model;
using LiveStream.Sigma;

namespace LiveStream.Completion
{
    /// <summary>
    /// Reads channels for tab completion: the first page of the account's channels, most recently changed first, from the
    /// connection the command would use. Gives nothing (and never throws) when there is no connection, the vendor is not
    /// served, or the call fails or takes more than 3 seconds.
    /// </summary>
    internal static class ChannelCompletion
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

        public static IReadOnlyList<LiveChannel> Channels(IDictionary fakeBoundParameters, LiveStreamVendor? vendor)
        {
            try
            {
                var connection = GivenConnection(fakeBoundParameters) ?? DefaultConnection(vendor);
                if (connection == null || connection.Vendor != LiveStreamVendor.Sigma)
                {
                    return Array.Empty<LiveChannel>();
                }

                using var patience = new CancellationTokenSource(Patience);
                return connection.CreateSigmaClient(null)
                    .ListChannelsAsync(null, "updatedAt|desc", 1, SigmaClient.MaxPerPage, patience.Token)
                    .GetAwaiter().GetResult().Items;
            }
            catch (Exception)
            {
                // Completion must never break the user's command line.
                return Array.Empty<LiveChannel>();
            }
        }

        private static LiveStreamConnection? GivenConnection(IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Connection"];
            return (given is PSObject wrapped ? wrapped.BaseObject : given) as LiveStreamConnection;
        }

        private static LiveStreamConnection? DefaultConnection(LiveStreamVendor? vendor)
        {
            var store = ConnectionStore.ForCurrentRunspace();
            return vendor.HasValue ? store.DefaultFor(vendor.Value) : store.All.LastOrDefault();
        }
    }
}
