using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using LiveStream.Model;

namespace LiveStream.Connections
{
    /// <summary>
    /// What -Connection takes: a connection; the name of one of this session's connections (also in the form its
    /// ToString() writes, as a CSV file keeps it, or as the Name of a deserialized connection); an array of exactly one
    /// of those. Several connections are refused with their names, not PowerShell's "Cannot convert System.Object[]".
    /// </summary>
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex DisplayForm = new Regex(@"^(Sigma|Theta) connection '(?<name>.+)' \(.*\)$",
            RegexOptions.CultureInvariant);

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            if (value == null || value is LiveStreamConnection)
            {
                return value!;
            }

            if (value is string name)
            {
                return Lookup(name);
            }

            if (value is IEnumerable items)
            {
                var given = items.Cast<object?>().Select(Unwrap).ToList();
                if (given.Count == 1)
                {
                    return Transform(engineIntrinsics, given[0]!);
                }

                throw new ArgumentTransformationMetadataException(given.Count == 0
                    ? "-Connection was given an empty list. Give one connection, or its name."
                    : $"-Connection takes one connection, and {given.Count} were given ({Describe(given)}). Give one " +
                        "(for example -Connection '<name>'); Get-LiveChannel -Vendor <vendor> without -Connection " +
                        "reads every connected account of that vendor.");
            }

            var serializedName = PSObject.AsPSObject(inputData).Properties["Name"]?.Value as string;
            return serializedName != null && PSObject.AsPSObject(inputData).Properties["Vendor"] != null
                ? Lookup(serializedName)
                : inputData;
        }

        private static LiveStreamConnection Lookup(string name)
        {
            var store = ConnectionStore.ForCurrentRunspace();
            var found = store.Find(name);
            if (found == null && DisplayForm.Match(name) is { Success: true } display)
            {
                found = store.Find(display.Groups["name"].Value);
            }

            return found ?? throw new ArgumentTransformationMetadataException(
                $"There is no connection named '{name}' in this session. Get-LiveStreamConnection lists the " +
                $"connections; Connect-LiveStream -Name '{name}' makes one.");
        }

        private static object? Unwrap(object? item) => item is PSObject wrapped ? wrapped.BaseObject : item;

        private static string Describe(IEnumerable<object?> items) =>
            string.Join(", ", items.Select(item => item is LiveStreamConnection connection
                ? $"'{connection.Name}' ({connection.Vendor})"
                : $"'{item}'"));
    }
}
