using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LiveStream.Connections;

namespace LiveStream.Completion
{
    /// <summary>Completes the names of this session's connections; the list shows each with its vendor and account.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern(CompletionText.Unquoted(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            return ConnectionStore.ForCurrentRunspace().All
                .Where(connection => pattern.IsMatch(connection.Name))
                .Select(connection => new CompletionResult(CompletionText.AsTyped(connection.Name),
                    CompletionText.ListItem(connection.Name, $"({connection.Vendor} {connection.AccountId})"),
                    CompletionResultType.ParameterValue, connection.ToString()))
                .ToList();
        }
    }
}
