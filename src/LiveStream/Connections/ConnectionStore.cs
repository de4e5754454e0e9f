using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using LiveStream.Model;

namespace LiveStream.Connections
{
    /// <summary>The connections of one runspace, most recent last. The default for a vendor is its most recent one.</summary>
    internal sealed class ConnectionStore
    {
        // Keyed by runspace and collected with it: two runspaces (two Azure Automation jobs in one worker process)
        // never share a credential, and nothing outlives the runspace that made it.
        private static readonly ConditionalWeakTable<Runspace, ConnectionStore> PerRunspace =
            new ConditionalWeakTable<Runspace, ConnectionStore>();

        // The store each connection was added to, so that a connection used from another runspace ($using:) can be
        // closed for good and its replacement found where it was made.
        private static readonly ConditionalWeakTable<LiveStreamConnection, ConnectionStore> Owners =
            new ConditionalWeakTable<LiveStreamConnection, ConnectionStore>();

        private readonly List<LiveStreamConnection> _connections = new List<LiveStreamConnection>();

        public static ConnectionStore ForCurrentRunspace()
        {
            var runspace = Runspace.DefaultRunspace ??
                throw new InvalidOperationException("LiveStream cmdlets must run in a PowerShell runspace.");
            return PerRunspace.GetValue(runspace, CreateFor);
        }

        private static ConnectionStore CreateFor(Runspace runspace)
        {
            var store = new ConnectionStore();
            runspace.StateChanged += (_, args) =>
            {
                if (args.RunspaceStateInfo.State == RunspaceState.Closed)
                {
                    store.Clear();
                }
            };
            return store;
        }

        public IReadOnlyList<LiveStreamConnection> All
        {
            get
            {
                lock (_connections)
                {
                    return _connections.ToArray();
                }
            }
        }

        /// <summary>Adds a connection; one of the same name is replaced and its HTTP client released.</summary>
        public void Add(LiveStreamConnection connection)
        {
            lock (_connections)
            {
                var replaced = _connections.FindAll(existing => NameEquals(existing, connection.Name));
                _connections.RemoveAll(existing => NameEquals(existing, connection.Name));
                _connections.Add(connection);
                Owners.Remove(connection);
                Owners.Add(connection, this);
                foreach (var old in replaced)
                {
                    old.Dispose();
                }
            }
        }

        public bool Remove(LiveStreamConnection connection)
        {
            lock (_connections)
            {
                if (!_connections.Remove(connection))
                {
                    return false;
                }
            }

            connection.Dispose();
            return true;
        }

        /// <summary>
        /// The open connection to use for <paramref name="connection"/>: itself while it is open; once closed, the open
        /// connection that took its name in the runspace that made it, when that one reaches the same account at the
        /// same address (a script that runs Connect-LiveStream -Name X again); otherwise null.
        /// </summary>
        public static LiveStreamConnection? Current(LiveStreamConnection connection)
        {
            if (connection.IsOpen)
            {
                return connection;
            }

            var owner = Owners.TryGetValue(connection, out var store) ? store : null;
            var successor = owner?.Find(connection.Name);
            return successor != null && successor.IsOpen && successor.IsSameAccount(connection) ? successor : null;
        }

        /// <summary>Closes a connection and removes it from the store of the runspace that made it, whichever runspace asks.</summary>
        public static bool Close(LiveStreamConnection connection)
        {
            if (Owners.TryGetValue(connection, out var owner) && owner.Remove(connection))
            {
                return true;
            }

            if (!connection.IsOpen)
            {
                return false;
            }

            connection.Dispose();
            return true;
        }

        public LiveStreamConnection? Find(string name)
        {
            lock (_connections)
            {
                return _connections.LastOrDefault(existing => NameEquals(existing, name));
            }
        }

        public LiveStreamConnection? DefaultFor(LiveStreamVendor vendor)
        {
            lock (_connections)
            {
                return _connections.LastOrDefault(existing => existing.Vendor == vendor);
            }
        }

        private void Clear()
        {
            foreach (var connection in All)
            {
                Remove(connection);
            }
        }

        private static bool NameEquals(LiveStreamConnection connection, string name) =>
            string.Equals(connection.Name, name, StringComparison.OrdinalIgnoreCase);
    }
}
