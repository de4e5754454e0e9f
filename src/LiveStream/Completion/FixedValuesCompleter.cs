using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LiveStream.Completion
{
    /// <summary>Completes a parameter from a fixed list of suggested values; other values stay allowed.</summary>
    public abstract class FixedValuesCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
            string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = CompletionText.Unquoted(wordToComplete);
            return Values.Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value))
                .ToList();
        }
    }
}
