using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LiveStream.Channels;
using LiveStream.Model;
using LiveStream.Sessions;

namespace LiveStream.Completion
{
    /// <summary>
    /// Completes a Sigma session id with the app's most recent sessions, newest first; the list shows each id with its
    /// session's name.
    /// </summary>
    public sealed class SessionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ChannelCompletion.ConnectionFor(fakeBoundParameters, ChannelFeatures.Sessions);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = CompletionText.Unquoted(wordToComplete);
            var recent = connection.Sessions(null).List(new SessionQuery());
            var sessions = ChannelCompletion.Read<LiveSession>(async token =>
                (await recent.Read().NextAsync(token).ConfigureAwait(false))?.Items ?? Array.Empty<LiveSession>());
            return sessions
                .Where(session => session.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(session => new CompletionResult(session.Id, CompletionText.ListItem(session.Id, session.Name),
                    CompletionResultType.ParameterValue, $"{session.Name ?? session.Id} ({session.Status}, started {session.StartedAt:u})"))
                .ToList();
        }
    }
}
