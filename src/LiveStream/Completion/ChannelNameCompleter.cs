using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LiveStream.Completion
{
    /// <summary>Completes -Name with the names of the account's channels that match what was typed (as a prefix or pattern).</summary>
    public sealed class ChannelNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern(CompletionText.Unquoted(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            try
            {
                return ChannelCompletion.Channels(fakeBoundParameters, (Model.LiveStreamVendor?)null)
                    .Select(channel => channel.Name)
                    .Where(pattern.IsMatch)
                    .Distinct()
                    .Select(name => new CompletionResult(CompletionText.AsTyped(name), name,
                        CompletionResultType.ParameterValue, name))
                    .ToList();
            }
            catch (WildcardPatternException)
            {
                return new CompletionResult[0];
            }
        }
    }
}
