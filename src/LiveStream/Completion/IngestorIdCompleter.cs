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
    /// Completes an Edge Ingestor id from the Theta connection's ingestor list: the available ones for Select-EdgeIngestor,
    /// the selected ones for Disconnect-EdgeIngestor, nearest first; the list shows each id with its address and state.
    /// </summary>
    public sealed class IngestorIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ChannelCompletion.ConnectionFor(fakeBoundParameters, ChannelFeatures.EdgeIngestors);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var releasing = commandName.IndexOf("Disconnect", StringComparison.OrdinalIgnoreCase) >= 0 ||
                commandName.IndexOf("Unselect", StringComparison.OrdinalIgnoreCase) >= 0;
            var wanted = releasing ? "selected" : EdgeIngestor.Available;
            var typed = CompletionText.Unquoted(wordToComplete);
            var listed = connection.Ingestors(null).List();
            return ChannelCompletion.Read<EdgeIngestor>(listed.ToListAsync)
                .Where(ingestor => string.Equals(ingestor.State, wanted, StringComparison.OrdinalIgnoreCase))
                .Where(ingestor => ingestor.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(ingestor => ingestor.Rank)
                .Select(ingestor => new CompletionResult(ingestor.Id, CompletionText.ListItem(ingestor.Id, $"{ingestor.Ip} ({ingestor.State})"),
                    CompletionResultType.ParameterValue, $"Edge Ingestor {ingestor.Ip}, {ingestor.State}, rank {ingestor.Rank}"))
                .ToList();
        }
    }
}
