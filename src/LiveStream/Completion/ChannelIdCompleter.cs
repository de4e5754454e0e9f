using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LiveStream.Model;

namespace LiveStream.Completion
{
    /// <summary>Completes -Id with the ids of the channels of the default Sigma and Theta connections (or the one given) whose id starts with what was typed; the tooltip names the channel.</summary>
    public sealed class ChannelIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = CompletionText.Unquoted(wordToComplete);
            return ChannelCompletion.Channels(fakeBoundParameters, LiveStreamVendor.Sigma, LiveStreamVendor.Theta)
                .Where(channel => channel.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(channel => new CompletionResult(channel.Id, channel.Id, CompletionResultType.ParameterValue,
                    $"{channel.Name} ({channel.Status})"))
                .ToList();
        }
    }
}
