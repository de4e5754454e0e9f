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
    public void LiveChannel_has_a_vendor_neutral_table_and_a_list_whose_one_vendor_items_show_for_that_vendor_only()
    {
        var views = ViewsOf("LiveStream.Model.LiveChannel");

        var table = Assert.Single(views, view => view.Element("TableControl") != null);
        Assert.Equal(["Name", "Vendor", "Status", "Id"], table.Descendants("Label").Select(label => label.Value));
        Assert.Equal(["Name", "Provider", "Status", "Id"],
            table.Descendants("TableColumnItem").Select(item => (string?)item.Element("PropertyName")));
        var list = Assert.Single(views, view => view.Element("ListControl") != null);
        Assert.Equal(
            ["Id", "Name", "Provider", "Status", "Mode", "Profiles", "Description", "Tags", "IngestUrl", "StreamKey", "PlaybackUrl",
             "PlayerUrl", "CurrentSessionId", "Catchup", "CatchupDestination", "CreatedAt", "UpdatedAt", "Connection"],
            list.Descendants("ListItem").Select(item => (string?)item.Element("PropertyName") ?? (string?)item.Element("Label")));
        var sigmaOnly = list.Descendants("ListItem")
            .Where(item => ((string?)item.Element("ItemSelectionCondition"))?.Contains("'Sigma'") == true)
            .Select(item => (string?)item.Element("PropertyName"));
        Assert.Equal(["Mode", "Profiles", "Description", "Tags", "CurrentSessionId", "Catchup", "CatchupDestination"], sigmaOnly);
    }

    [Fact]
    public void LiveS3Destination_is_shown_without_its_secret_key()
    {
        var views = ViewsOf("LiveStream.Model.LiveS3Destination");

        Assert.Equal(2, views.Count);
        Assert.Equal(["Bucket", "Endpoint", "Region", "AccessKey", "SegmentPrefix"],
            views[0].Descendants("ListItem").Select(item => (string?)item.Element("PropertyName")));
        Assert.Equal(["Bucket", "Endpoint", "Region", "AccessKey", "SegmentPrefix"],
            views[1].Descendants("TableColumnItem").Select(item => (string?)item.Element("PropertyName")));
        Assert.All(views, view => Assert.DoesNotContain("SecretKey", view.ToString()));
    }

    private static List<XElement> ViewsOf(string typeName) =>
        Views.Descendants("View").Where(view => (string?)view.Element("ViewSelectedBy")?.Element("TypeName") == typeName).ToList();
}
