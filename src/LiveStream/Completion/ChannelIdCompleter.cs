using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LiveStream.Channels;
using LiveStream.Model;

namespace LiveStream.Completion
{
    /// <summary>
    /// Completes a channel id with the ids of the channels of each vendor's default connection (or the one given)
    /// that start with what was typed; the list shows each id with its channel's name.
    /// </summary>
    public class ChannelIdCompleter : IArgumentCompleter
    {
        /// <summary>What the vendors whose channels the parameter takes must support (None: every vendor).</summary>
        protected virtual ChannelFeatures Needs => ChannelFeatures.None;

        private LiveStreamVendor?[] Vendors =>
            VendorProfile.Supporting(Needs).Select(profile => (LiveStreamVendor?)profile.Vendor).ToArray();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = CompletionText.Unquoted(wordToComplete);
            return ChannelCompletion.Channels(fakeBoundParameters, Vendors)
                .Where(channel => Vendors.Contains(channel.Provider))
                .Where(channel => channel.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(channel => new CompletionResult(channel.Id, CompletionText.ListItem(channel.Id, channel.Name),
                    CompletionResultType.ParameterValue, $"{channel.Name} ({channel.Provider} {channel.Status})"))
                .ToList();
        }
    }

    /// <summary>Completes the id of a channel with sessions (the session cmdlets' -ChannelId).</summary>
    public sealed class SigmaChannelIdCompleter : ChannelIdCompleter
    {
        protected override ChannelFeatures Needs => ChannelFeatures.Sessions;
    }

    /// <summary>Completes the id of a channel served by Edge Ingestors (Select-EdgeIngestor -ChannelId).</summary>
    public sealed class ThetaChannelIdCompleter : ChannelIdCompleter
    {
        protected override ChannelFeatures Needs => ChannelFeatures.EdgeIngestors;
    }
}
