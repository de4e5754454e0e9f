using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LiveStream.Channels;
using LiveStream.Connections;
using LiveStream.Model;

namespace LiveStream.Completion
{
    /// <summary>
    /// Reads channels for tab completion from the connection the command would use: the first page of the account's
    /// channels, most recently changed first where the vendor sorts. Gives nothing (and never throws)
    /// when there is no connection, or the call fails or takes more than 3 seconds.
    /// </summary>
    internal static class ChannelCompletion
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

        /// <summary>
        /// The channels of the connection given on the command line, else of the default connection of each of
        /// <paramref name="vendors"/> (a null vendor: the most recent connection).
        /// </summary>
        public static IReadOnlyList<LiveChannel> Channels(IDictionary fakeBoundParameters, params LiveStreamVendor?[] vendors)
        {
            try
            {
                var given = GivenConnection(fakeBoundParameters);
                var connections = given != null
                    ? new[] { given }
                    : vendors.Select(DefaultConnection).Where(connection => connection != null).Distinct().ToArray();
                using var patience = new CancellationTokenSource(Patience);
                return connections.SelectMany(connection => Read(connection!, patience.Token)).ToList();
            }
            catch (Exception)
            {
                // Completion must never break the user's command line.
                return Array.Empty<LiveChannel>();
            }
        }

        private static IReadOnlyList<LiveChannel> Read(LiveStreamConnection connection, CancellationToken token) =>
            connection.Channels(null).List(new ChannelQuery { RecentlyChangedFirst = true }).Read().NextAsync(token)
                .GetAwaiter().GetResult()?.Items ?? (IReadOnlyList<LiveChannel>)Array.Empty<LiveChannel>();

        /// <summary>
        /// The connection given on the command line (an object, or the name of one of this session's connections), else
        /// the default one of <paramref name="vendor"/>.
        /// </summary>
        public static LiveStreamConnection? ConnectionFor(IDictionary fakeBoundParameters, LiveStreamVendor vendor)
        {
            var given = GivenConnection(fakeBoundParameters);
            return given != null ? (given.Vendor == vendor ? given : null) : DefaultConnection(vendor);
        }

        /// <summary>The connection given on the command line, else the default one of the vendor that has <paramref name="feature"/>.</summary>
        public static LiveStreamConnection? ConnectionFor(IDictionary fakeBoundParameters, ChannelFeatures feature) =>
            ConnectionFor(fakeBoundParameters, VendorProfile.Supporting(feature).First().Vendor);

        /// <summary>Runs a vendor call for completion: its result, or nothing when it fails or takes too long.</summary>
        public static IReadOnlyList<T> Read<T>(Func<CancellationToken, System.Threading.Tasks.Task<IReadOnlyList<T>>> call)
        {
            try
            {
                using var patience = new CancellationTokenSource(Patience);
                var task = call(patience.Token);
                return task.Wait(Patience) ? task.Result : Array.Empty<T>();
            }
            catch (Exception)
            {
                return Array.Empty<T>();
            }
        }

        private static LiveStreamConnection? GivenConnection(IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Connection"];
            given = given is PSObject wrapped ? wrapped.BaseObject : given;
            return given is string name ? ConnectionStore.ForCurrentRunspace().Find(name) : given as LiveStreamConnection;
        }

        private static LiveStreamConnection? DefaultConnection(LiveStreamVendor? vendor)
        {
            var store = ConnectionStore.ForCurrentRunspace();
            return vendor.HasValue ? store.DefaultFor(vendor.Value) : store.All.LastOrDefault();
        }
    }
}
