using System.Xml.Linq;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// The views the module ships in LiveStream.format.ps1xml. The table views are also checked through Out-Default in the
/// cmdlet tests; the hosted engine has no Format-List, so the list view is read from the file the manifest loads.
/// </summary>
public sealed class FormatViewTests
{
    private static readonly XDocument Views = XDocument.Load(Path.Combine(Path.GetDirectoryName(PsRunspace.ManifestPath)!, "LiveStream.format.ps1xml"));

    [Fact]
    public void LiveChannel_has_a_table_of_five_columns_and_a_list_of_its_promoted_properties()
    {
        var views = ViewsOf("LiveStream.Model.LiveChannel");

        var table = Assert.Single(views, view => view.Element("TableControl") != null);
        Assert.Equal(["Name", "Status", "Mode", "CurrentSessionId", "PlaybackUrl"],
            table.Descendants("TableColumnItem").Select(item => (string?)item.Element("PropertyName")));
        var list = Assert.Single(views, view => view.Element("ListControl") != null);
        Assert.Equal(
            ["Id", "Name", "Status", "Mode", "Profiles", "Description", "Tags", "IngestUrl", "StreamKey", "PlaybackUrl",
             "CurrentSessionId", "Catchup", "CatchupDestination", "CreatedAt", "UpdatedAt", "Provider", "Connection"],
            list.Descendants("ListItem").Select(item => (string?)item.Element("PropertyName") ?? (string?)item.Element("Label")));
    }

    [Fact]
    public void LiveS3Destination_is_shown_without_its_secret_key()
    {
        var view = Assert.Single(ViewsOf("LiveStream.Model.LiveS3Destination"));

        Assert.Equal(["Bucket", "Endpoint", "Region", "AccessKey", "SegmentPrefix"],
            view.Descendants("TableColumnItem").Select(item => (string?)item.Element("PropertyName")));
        Assert.DoesNotContain("SecretKey", view.ToString());
    }

    private static List<XElement> ViewsOf(string typeName) =>
        Views.Descendants("View").Where(view => (string?)view.Element("ViewSelectedBy")?.Element("TypeName") == typeName).ToList();
}
