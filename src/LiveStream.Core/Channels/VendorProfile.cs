using System;
using System.Collections.Generic;
using System.Linq;
using LiveStream.Ids;
using LiveStream.Model;

namespace LiveStream.Channels
{
    /// <summary>
    /// What the module knows of a vendor's channels without calling it: the id form, the word for a channel, the
    /// statuses, the features. <see cref="All"/> is the list of vendors; adding a vendor adds an entry here.
    /// </summary>
    public sealed class VendorProfile
    {
        public static readonly VendorProfile Sigma = new VendorProfile(LiveStreamVendor.Sigma,
            global::LiveStream.Sigma.SigmaClient.DefaultBaseUri, "channel", IdKind.SigmaChannel,
            new[] { "Idle", "Active", "Stop" },
            ChannelFeatures.Remove | ChannelFeatures.Sessions | ChannelFeatures.NameFilter | ChannelFeatures.ChannelSettings,
            new Dictionary<ChannelFeatures, string>
            {
                [ChannelFeatures.EdgeIngestors] = "Sigma channels take the encoder's push at their own IngestUrl: there is no " +
                    "Edge Ingestor to select",
            },
            new Dictionary<ChannelAction, string>());

        public static readonly VendorProfile Theta = new VendorProfile(LiveStreamVendor.Theta,
            global::LiveStream.Theta.ThetaClient.DefaultBaseUri, "stream", IdKind.ThetaStream,
            new[] { "On", "Off" }, ChannelFeatures.EdgeIngestors, new Dictionary<ChannelFeatures, string>
            {
                [ChannelFeatures.Remove] = "the Theta API has no call to delete a stream. Reuse it for the next broadcast " +
                    "(a service account holds at most 3 streams)",
                [ChannelFeatures.Sessions] = "Theta streams have no sessions: a stream's Status (on or off) says whether it is live",
                [ChannelFeatures.ChannelSettings] = "a Theta stream takes a name only",
            },
            new Dictionary<ChannelAction, string>
            {
                [ChannelAction.Start] = "select the nearest available Edge Ingestor unless it has one",
                [ChannelAction.Stop] = "release its Edge Ingestor",
            });

        private readonly IReadOnlyDictionary<ChannelAction, string> _howItDoes;

        private readonly IReadOnlyDictionary<ChannelFeatures, string> _whyNot;

        public static readonly IReadOnlyList<VendorProfile> All = new[] { Sigma, Theta };

        private VendorProfile(LiveStreamVendor vendor, Uri defaultBaseUri, string channelNoun, IdKind channelIdKind, string[] statuses,
            ChannelFeatures features, IReadOnlyDictionary<ChannelFeatures, string> whyNot,
            IReadOnlyDictionary<ChannelAction, string> howItDoes)
        {
            _howItDoes = howItDoes;
            _whyNot = whyNot;
            Vendor = vendor;
            DefaultBaseUri = defaultBaseUri;
            ChannelNoun = channelNoun;
            ChannelIdKind = channelIdKind;
            Statuses = statuses;
            Features = features;
        }

        public LiveStreamVendor Vendor { get; }

        /// <summary>The vendor's API address, used when a connection names none.</summary>
        public Uri DefaultBaseUri { get; }

        /// <summary>What the vendor calls a channel: "channel" (Sigma), "stream" (Theta).</summary>
        public string ChannelNoun { get; }

        public IdKind ChannelIdKind { get; }

        /// <summary>The statuses a list can be filtered by, as the module names them.</summary>
        public IReadOnlyList<string> Statuses { get; }

        public ChannelFeatures Features { get; }

        public bool Supports(ChannelFeatures feature) => (Features & feature) == feature;

        /// <summary>Why the vendor lacks <paramref name="feature"/>, as a clause: "the Theta API has no call to delete a stream".</summary>
        public string WhyNot(ChannelFeatures feature) =>
            _whyNot.TryGetValue(feature, out var reason) ? reason : $"{Vendor} does not support {feature}";

        /// <summary>How the vendor makes a change it has no call for, e.g. "release its Edge Ingestor"; null when it has the call.</summary>
        public string? HowItDoes(ChannelAction action) => _howItDoes.TryGetValue(action, out var how) ? how : null;

        public bool IsChannelId(string? id) => IdForms.Matches(ChannelIdKind, id);

        public bool HasStatus(string status) => Statuses.Contains(status, StringComparer.OrdinalIgnoreCase);

        public static VendorProfile Of(LiveStreamVendor vendor) => All.First(profile => profile.Vendor == vendor);

        /// <summary>The vendor whose channel ids have the form of <paramref name="id"/>, or null.</summary>
        public static VendorProfile? OfChannelId(string? id) => All.FirstOrDefault(profile => profile.IsChannelId(id));

        /// <summary>The vendor that has <paramref name="status"/>, or null.</summary>
        public static VendorProfile? OfStatus(string? status) =>
            status == null ? null : All.FirstOrDefault(profile => profile.HasStatus(status));

        /// <summary>The vendors that support <paramref name="feature"/>.</summary>
        public static IEnumerable<VendorProfile> Supporting(ChannelFeatures feature) =>
            All.Where(profile => profile.Supports(feature));

        public override string ToString() => Vendor.ToString();
    }
}
