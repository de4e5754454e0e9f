using System.Management.Automation;
using System.Net;
using System.Text.Json.Nodes;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

public sealed class GetLiveChannelTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    [Fact]
    public void Ids_bind_from_the_pipeline_by_value_and_by_property_name()
    {
        var made = _shell.NewChannels("a", "b");

        var byValue = _shell.Run("$ids | Get-LiveChannel", ("ids", made.Select(channel => channel.Id).ToArray()));
        var byProperty = _shell.Run("$made | Get-LiveChannel", ("made", made));
        var byAlias = _shell.Run("[pscustomobject]@{ ChannelId = $id } | Get-LiveChannel", ("id", made[1].Id));

        Assert.Equal(["a", "b"], byValue.Objects<LiveChannel>().Select(channel => channel.Name));
        byProperty.AssertSuccess();
        Assert.Equal(["a", "b"], byProperty.Objects<LiveChannel>().Select(channel => channel.Name));
        Assert.Equal("b", byAlias.Single<LiveChannel>().Name);
    }

    [Fact]
    public void A_missing_id_gives_one_ObjectNotFound_record_per_id_and_the_other_ids_still_succeed()
    {
        var made = _shell.NewChannels("first", "last");
        var missing = new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString() };

        var result = _shell.Run("$ids | Get-LiveChannel", ("ids", new[] { made[0].Id, missing[0], missing[1], made[1].Id }));

        Assert.Equal(["first", "last"], result.Objects<LiveChannel>().Select(channel => channel.Name));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("LiveStream.NotFound,LiveStream.Commands.GetLiveChannelCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        });
        Assert.Equal(missing, result.Errors.Select(error => error.TargetObject));
    }

    [Fact]
    public void Results_and_errors_keep_input_order_and_a_malformed_id_sends_no_request()
    {
        var made = _shell.NewChannels("one", "two", "three");
        var missing = Guid.NewGuid().ToString();
        emulator.State.ClearRequests();

        var result = _shell.Run("$ids | Get-LiveChannel -ThrottleLimit 8 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.TargetObject } else { $_.Name } }",
            ("ids", new[] { made[0].Id, "not-a-guid", made[1].Id, missing, "../channels", made[2].Id }));

        Assert.Equal(["one", "error not-a-guid", "two", "error " + missing, "error ../channels", "three"],
            result.Output.Select(item => item.ToString()));
        Assert.Equal(4, emulator.Requests(SigmaChannelHelpers.ChannelsPath).Count);
        Assert.DoesNotContain(emulator.Requests(), request => request.Path.Contains("not-a-guid") || request.Path.EndsWith("/channels/..%2Fchannels"));
    }

    [Fact]
    public void A_malformed_id_is_InvalidId_naming_the_form_Sigma_ids_take()
    {
        var result = _shell.Run("Get-LiveChannel -Id 'nope'");

        var error = result.SingleError();
        Assert.Equal("LiveStream.InvalidId,LiveStream.Commands.GetLiveChannelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("nope", error.TargetObject);
        Assert.Contains("GUID", error.Exception.Message);
    }

    [Fact]
    public void Two_hundred_fifty_channels_list_in_creation_order_across_three_pages()
    {
        Seed(250);
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel");

        result.AssertSuccess();
        var stored = emulator.StoredChannels().Select(channel => (string?)channel["id"]).ToList();
        Assert.Equal(stored, result.Objects<LiveChannel>().Select(channel => channel.Id));
        Assert.Equal(250, result.Output.Select(item => ((LiveChannel)item.BaseObject).Id).Distinct().Count());
        var pages = emulator.ChannelRequests("GET").Select(request => QueryOf(request)).ToList();
        Assert.Equal(["1", "2", "3"], pages.Select(query => query["page"]));
        Assert.All(pages, query => Assert.Equal("100", query["perPage"]));
        Assert.All(pages, query => Assert.Equal("createdAt|asc", query["sort"]));
    }

    [Fact]
    public void Objects_reach_the_pipeline_page_by_page()
    {
        Seed(250);
        emulator.State.ClearRequests();
        Func<int> pagesRead = () => emulator.ChannelRequests("GET").Count;

        var result = _shell.Run("Get-LiveChannel | ForEach-Object { $pagesRead.Invoke() }", ("pagesRead", pagesRead));

        var seen = result.Output.Select(item => (int)item.BaseObject).ToList();
        Assert.Equal(Enumerable.Repeat(1, 100).Concat(Enumerable.Repeat(2, 100)).Concat(Enumerable.Repeat(3, 50)), seen);
    }

    [Fact]
    public void First_5_reads_one_page_only()
    {
        Seed(250);
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel -First 5");

        var stored = emulator.StoredChannels().Take(5).Select(channel => (string?)channel["id"]);
        Assert.Equal(stored, result.Objects<LiveChannel>().Select(channel => channel.Id));
        Assert.Equal("1", QueryOf(Assert.Single(emulator.ChannelRequests("GET")))["page"]);
    }

    [Fact]
    public void Skip_starts_at_the_page_that_holds_the_first_wanted_channel()
    {
        Seed(250);
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel -Skip 150 -First 60");

        var stored = emulator.StoredChannels().Skip(150).Take(60).Select(channel => (string?)channel["id"]);
        Assert.Equal(stored, result.Objects<LiveChannel>().Select(channel => channel.Id));
        Assert.Equal(["2", "3"], emulator.ChannelRequests("GET").Select(request => QueryOf(request)["page"]));
    }

    [Fact]
    public void IncludeTotalCount_writes_the_services_total_before_the_channels()
    {
        Seed(120);

        var result = _shell.Run("Get-LiveChannel -First 2 -IncludeTotalCount");

        Assert.Equal(3, result.Output.Count);
        Assert.Equal(120UL, result.Output[0].BaseObject);
        Assert.IsType<LiveChannel>(result.Output[1].BaseObject);
    }

    [Fact]
    public void Name_wildcards_match_case_insensitively_across_pages_and_an_exact_name_is_sent_as_q()
    {
        Seed(150);
        _shell.NewChannels("News desk", "news room", "sports");
        emulator.State.ClearRequests();

        var pattern = _shell.Run("Get-LiveChannel -Name 'NEWS*'");
        var pageCount = emulator.ChannelRequests("GET").Count;
        emulator.State.ClearRequests();
        var exact = _shell.Run("Get-LiveChannel -Name 'sports'");

        Assert.Equal(["News desk", "news room"], pattern.Objects<LiveChannel>().Select(channel => channel.Name));
        Assert.Equal(2, pageCount);
        Assert.Equal("sports", exact.Single<LiveChannel>().Name);
        var sent = QueryOf(Assert.Single(emulator.ChannelRequests("GET")));
        Assert.Equal("sports", (string?)JsonNode.Parse(sent["q"]!)!["name"]);
    }

    [Fact]
    public void An_exact_name_that_matches_nothing_is_one_NotFound_record()
    {
        _shell.NewChannels("Sports");

        var result = _shell.Run("Get-LiveChannel -Name 'sports'");
        var several = _shell.Run("Get-LiveChannel -Name 'Sports', 'weather', 'S*'");

        var error = result.SingleError();
        Assert.Equal("LiveStream.NotFound,LiveStream.Commands.GetLiveChannelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("sports", error.TargetObject);
        Assert.Empty(result.Output);
        Assert.Equal("Sports", several.Single<LiveChannel>().Name);
        Assert.Equal("weather", several.SingleError().TargetObject);
    }

    [Fact]
    public void The_default_view_is_a_table_of_name_vendor_status_and_id()
    {
        var made = _shell.NewChannels("tabled");

        var result = _shell.Run("Get-LiveChannel | Out-Default");

        var lines = result.HostText.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Replace(line, "\x1b\\[[0-9;]*m", "").TrimEnd()).ToList();
        var header = lines.First(line => line.StartsWith("Name"));
        Assert.Equal(["Name", "Vendor", "Status", "Id"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, line => line.StartsWith("tabled") && line.Contains(" Sigma ") && line.Contains(" idle ") && line.EndsWith(made[0].Id));
        Assert.DoesNotContain(made[0].StreamKey!, result.HostText);
    }

    [Fact]
    public void A_channel_of_the_wrong_shape_is_InvalidResponse()
    {
        var id = _shell.NewChannels("odd")[0].Id;
        emulator.EditSigma(store => store.FindChannel(id)!["tags"] = "not a list");

        var error = _shell.Run("Get-LiveChannel -Id $id", ("id", id)).SingleError();

        Assert.Equal("LiveStream.InvalidResponse,LiveStream.Commands.GetLiveChannelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("tags", error.Exception.Message);
    }

    [Fact]
    public void An_S3_secret_the_service_echoes_stays_out_of_every_property_but_the_secure_one()
    {
        var id = _shell.NewChannels("echo")[0].Id;
        emulator.EditSigma(store => store.FindChannel(id)!["destinationCatchup"] = JsonNode.Parse(
            """{"type":"s3","s3":{"bucket":"media","endpoint":"https://s3.example","accessKey":"AK","secretKey":"ECHOED-s3-secret-77"}}"""));

        var result = _shell.Run("Get-LiveChannel -Id $id -Debug", ("id", id));

        var channel = result.Single<LiveChannel>();
        Assert.Equal("media", channel.CatchupDestination!.Bucket);
        Assert.Equal("ECHOED-s3-secret-77", new NetworkCredential(string.Empty, channel.CatchupDestination.SecretKey).Password);
        Assert.DoesNotContain("ECHOED-s3-secret-77", result.EverythingAsText());
    }

    private void Seed(int count) =>
        _shell.Run("1..$count | ForEach-Object { 'bulk-{0:D3}' -f $_ } | New-LiveChannel -ThrottleLimit 8 | ForEach-Object { $null }",
            ("count", count)).AssertSuccess();

    private static Dictionary<string, string> QueryOf(Emulator.RecordedRequest request) =>
        request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => WebUtility.UrlDecode(pair[1]));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _shell.Dispose();
}
