using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using LiveStream.Model;

namespace LiveStream.Formatting
{
    /// <summary>
    /// The members LiveStream.types.ps1xml gives the output types. The object's connection, the vendor's raw JSON and an
    /// S3 secret key are hidden members: scripts and -Connection binding reach them, ConvertTo-Json, Export-Csv and
    /// Select-Object * leave them out. The vendor is text, the connection serializes as its name (ConnectionName), and
    /// lists of text are lists that CSV writes as their items, not as a type name.
    /// </summary>
    public static class OutputMembers
    {
        public static LiveStreamConnection? Connection(PSObject instance) => instance.BaseObject switch
        {
            LiveChannel channel => channel.Connection,
            LiveSession session => session.Connection,
            LiveSessionEvent sessionEvent => sessionEvent.Connection,
            LiveSessionStatus status => status.Connection,
            EdgeIngestor ingestor => ingestor.Connection,
            IngestorSelection selection => selection.Connection,
            _ => null,
        };

        public static string? ConnectionName(PSObject instance) => Connection(instance)?.Name;

        public static IDictionary<string, object?>? Raw(PSObject instance) => instance.BaseObject switch
        {
            LiveChannel channel => channel.Raw,
            LiveSession session => session.Raw,
            LiveSessionEvent sessionEvent => sessionEvent.Raw,
            _ => null,
        };

        public static string? Provider(PSObject instance) => instance.BaseObject switch
        {
            LiveChannel channel => channel.Provider.ToString(),
            LiveSession session => session.Provider.ToString(),
            _ => null,
        };

        public static TextList Tags(PSObject instance) => new TextList((instance.BaseObject as LiveChannel)?.Tags);

        public static TextList Profiles(PSObject instance) => new TextList((instance.BaseObject as LiveChannel)?.Profiles);

        public static TextList RecordUrls(PSObject instance) => new TextList((instance.BaseObject as LiveSession)?.RecordUrls);

        public static System.Security.SecureString? SecretKey(PSObject instance) => (instance.BaseObject as LiveS3Destination)?.SecretKey;

        public static string? Vendor(PSObject instance) => (instance.BaseObject as LiveStreamConnection)?.Vendor.ToString();
    }

    /// <summary>A list of text: an array to scripts and ConvertTo-Json, its items joined with spaces to Export-Csv.</summary>
    public sealed class TextList : ReadOnlyCollection<string>
    {
        public TextList(IList<string>? items)
            : base(items ?? new string[0])
        {
        }

        /// <summary>As an array has it, so that $list.Length counts the items.</summary>
        public int Length => Count;

        public override string ToString() => string.Join(" ", this);
    }
}
