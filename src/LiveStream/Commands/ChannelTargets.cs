using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Channels;
using LiveStream.Connections;
using LiveStream.Ids;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Where the channel cmdlets send each item: the connection given with -Connection or bound from a piped object's
    /// Connection, else the default connection of the vendor whose id form the channel id has. A command that names no
    /// channel never guesses between two connected vendors (<see cref="ForCreate"/>, <see cref="ToList"/>).
    /// </summary>
    internal sealed class ChannelTargets
    {
        private readonly VendorCmdlet _cmdlet;

        public ChannelTargets(VendorCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>
        /// Each id with the channel service of its connection, once the id has that vendor's form; a malformed id is its
        /// own InvalidId record, in input order, and nothing is sent for it.
        /// </summary>
        public IEnumerable<(LiveStreamConnection Connection, IChannelService Service, string Id)> Resolve(IEnumerable<string> channelIds)
        {
            foreach (var channelId in channelIds)
            {
                var given = _cmdlet.Connection;
                var byForm = VendorProfile.OfChannelId(channelId);
                if (given == null && byForm == null)
                {
                    WriteInvalidId(channelId, $"'{channelId}' is not a channel id: " +
                        string.Join(", ", VendorProfile.All.Select(profile =>
                            $"a {IdForms.Noun(profile.ChannelIdKind)} is {IdForms.Form(profile.ChannelIdKind)}")) +
                        ". " + IdAdvice.For(IdKind.SigmaChannel));
                    continue;
                }

                var connection = given != null ? VendorCmdlet.Current(given) : _cmdlet.ResolveConnection(byForm!.Vendor);
                var profile = connection.Profile;
                if (!profile.IsChannelId(channelId))
                {
                    WriteInvalidId(channelId, $"'{channelId}' is not a {IdForms.Noun(profile.ChannelIdKind)} " +
                        $"({IdForms.Form(profile.ChannelIdKind)}), and {connection} is a {profile} connection. " +
                        IdAdvice.For(profile.ChannelIdKind));
                    continue;
                }

                yield return (connection, connection.Channels(_cmdlet.Trace), channelId);
            }
        }

        /// <summary>
        /// The connection of a create: -Connection (given or piped); else the default connection of
        /// <paramref name="vendor"/>; else the one connected vendor's, among those that take the settings given
        /// (<paramref name="needs"/>) when one does. With two candidates and nothing that tells them apart, the command
        /// stops with AmbiguousConnection before any request.
        /// </summary>
        public LiveStreamConnection ForCreate(LiveStreamVendor? vendor, ChannelFeatures needs, string settingExample)
        {
            if (Given(vendor) is { } given)
            {
                return given;
            }

            if (vendor.HasValue)
            {
                return _cmdlet.ResolveConnection(vendor.Value);
            }

            var store = ConnectionStore.ForCurrentRunspace();
            var connected = VendorProfile.All
                .Select(profile => store.DefaultFor(profile.Vendor))
                .Where(connection => connection != null)
                .Select(connection => connection!)
                .ToList();
            var fitting = connected.Where(connection => connection.Profile.Supports(needs)).ToList();
            var candidates = needs != ChannelFeatures.None && fitting.Count > 0 ? fitting : connected;
            if (candidates.Count > 1)
            {
                ThrowAmbiguous(candidates, settingExample);
            }

            if (candidates.Count == 0)
            {
                _cmdlet.ThrowNotConnected(null);
            }

            return candidates[0];
        }

        private void ThrowAmbiguous(IReadOnlyList<LiveStreamConnection> candidates, string settingExample)
        {
            var vendors = string.Join(" and ", candidates.Select(connection => $"{connection.Profile} ('{connection.Name}')"));
            var options = string.Join(" or ", candidates.Select(connection => $"-Vendor {connection.Profile}"));
            var settingsVendor = string.Join("/", VendorProfile.Supporting(ChannelFeatures.ChannelSettings));
            _cmdlet.ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"{_cmdlet.MyInvocation.MyCommand.Name} does not know which vendor to create on: " +
                    $"this session is connected to {vendors}, and nothing given says which. Add {options}, or give the " +
                    $"connection with -Connection (for example -Connection '{candidates[0].Name}'). {settingsVendor}-only " +
                    $"parameters such as {settingExample} mean {settingsVendor}."),
                ErrorIds.AmbiguousConnection, ErrorCategory.InvalidArgument, null));
        }

        /// <summary>
        /// The connections a list reads: -Connection (given or piped); else every connection of this session, oldest
        /// first, of <paramref name="vendor"/> when it is given. None is a terminating NotConnected.
        /// </summary>
        public IReadOnlyList<LiveStreamConnection> ToList(LiveStreamVendor? vendor)
        {
            if (Given(vendor) is { } given)
            {
                return new[] { given };
            }

            var all = ConnectionStore.ForCurrentRunspace().All
                .Where(connection => !vendor.HasValue || connection.Vendor == vendor.Value)
                .ToList();
            if (all.Count == 0)
            {
                _cmdlet.ThrowNotConnected(vendor);
            }

            return all;
        }

        /// <summary>The connection given or piped (its current form), checked to be of <paramref name="vendor"/>; null when none.</summary>
        private LiveStreamConnection? Given(LiveStreamVendor? vendor)
        {
            if (_cmdlet.Connection == null)
            {
                return null;
            }

            if (vendor.HasValue)
            {
                _cmdlet.CheckVendor(_cmdlet.Connection, vendor.Value);
            }

            return VendorCmdlet.Current(_cmdlet.Connection);
        }

        private void WriteInvalidId(string channelId, string message) =>
            _cmdlet.WriteItemError(new ErrorRecord(new System.ArgumentException(message), ErrorIds.InvalidId,
                ErrorCategory.InvalidArgument, channelId));
    }
}
