using System.Management.Automation;
using System.Net;
using System.Text.Json.Nodes;
using LiveStream.Commands;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

public sealed class NewLiveChannelTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    /// <summary>The create body of the Sigma document (vi, section 2), as printed there, placeholders included but for the bucket and endpoint, which New-LiveS3Destination checks (a real bucket name and address stand in).</summary>
    private const string DocumentSample = """
        {
            "name": "<channel_name>",
            "description": null,
            "tags": [],
            "transcodeProfile": [
                "fbffbd08-ed7f-4a51-aabd-3132ac863bb5",
                "54a3d4db-a827-45ae-b6be-1faa21c2e7c6",
                "33a26869-0a1b-49a4-8303-1284ac8fd034"
            ],
            "type": "transcode",
            "mode": "ultra-low-latency",
            "stopTimeout": 30,
            "catchup": true,
            "record": false,
            "outputFormat": "hls",
            "machine": {
                "enabled": true,
                "machineId": "94e98078-b9cb-4d44-b16e-369fdb81da35",
                "machineType": "SIGMA_MACHINE"
            },
            "destinationCatchup": {
                "type": "s3",
                "s3": {
                    "accessKey": "<s3_access_key>",
                    "bucket": "vod-catchup",
                    "endpoint": "https://s3.ap-southeast-1.amazonaws.com",
                    "secretKey": "<s3_secrect_key>",
                    "region": "<s3_region>",
                    "segmentPrefix": null
                }
            }
        }
        """;

    private const string S3Secret = "S3-s3cret-Key-b41c07";

    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
        emulator.State.ClearRequests();
    }

    [Fact]
    public void With_the_documents_machine_and_S3_values_the_body_on_the_wire_is_the_documents_sample_field_by_field()
    {
        var result = _shell.Run(
            "$secret = [System.Net.NetworkCredential]::new('', '<s3_secrect_key>').SecurePassword; " +
            "$s3 = New-LiveS3Destination -Bucket 'vod-catchup' -Endpoint 'https://s3.ap-southeast-1.amazonaws.com' -Region '<s3_region>' " +
            "-AccessKey '<s3_access_key>' -SecretKey $secret; " +
            "New-LiveChannel -Name '<channel_name>' -MachineId 94e98078-b9cb-4d44-b16e-369fdb81da35 -CatchupS3 $s3");

        result.AssertSuccess();
        var sent = JsonNode.Parse(Assert.Single(emulator.ChannelRequests("POST")).Body)!.AsObject();
        var sample = JsonNode.Parse(DocumentSample)!.AsObject();
        Assert.Equal(sample.Select(field => field.Key), sent.Select(field => field.Key));
        foreach (var (field, expected) in sample)
        {
            Assert.True(JsonNode.DeepEquals(expected, sent[field]), $"{field}: expected {expected?.ToJsonString()}, sent {sent[field]?.ToJsonString()}");
        }

        var channel = result.Single<LiveChannel>();
        Assert.True(channel.Catchup);
        Assert.Equal("vod-catchup", channel.CatchupDestination!.Bucket);
    }

    [Fact]
    public void Without_Sigma_parameters_the_body_has_the_documents_defaults_and_no_machine_or_catchup()
    {
        var result = _shell.Run("New-LiveChannel -Name 'plain'");

        result.AssertSuccess();
        var sent = JsonNode.Parse(Assert.Single(emulator.ChannelRequests("POST")).Body)!.AsObject();
        var expected = JsonNode.Parse("""
            {"name":"plain","description":null,"tags":[],
             "transcodeProfile":["fbffbd08-ed7f-4a51-aabd-3132ac863bb5","54a3d4db-a827-45ae-b6be-1faa21c2e7c6","33a26869-0a1b-49a4-8303-1284ac8fd034"],
             "type":"transcode","mode":"ultra-low-latency","stopTimeout":30,"catchup":false,"record":false,"outputFormat":"hls"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, sent), sent.ToJsonString());
    }

    [Fact]
    public void The_new_channel_has_its_fields_promoted_to_properties_and_its_raw_json_reachable()
    {
        var result = _shell.Run("New-LiveChannel -Name 'evening' -Description 'Evening news' -Tag news, live");

        var channel = result.Single<LiveChannel>();
        var stored = emulator.StoredChannel(channel.Id);
        Assert.True(Guid.TryParseExact(channel.Id, "D", out _));
        Assert.Equal("evening", channel.Name);
        Assert.Equal("idle", channel.Status);
        Assert.Equal("Evening news", channel.Description);
        Assert.Equal(["news", "live"], channel.Tags);
        Assert.Equal("ultra-low-latency", channel.Mode);
        Assert.Equal(["1080p", "720p", "480p"], channel.Profiles);
        Assert.Equal((string?)stored["input"]!["rtmpServer"], channel.IngestUrl);
        Assert.Equal((string?)stored["input"]!["streamToken"], channel.StreamKey);
        Assert.Equal((string?)stored["liveStreamUrl"], channel.PlaybackUrl);
        Assert.Null(channel.CurrentSessionId);
        Assert.False(channel.Catchup);
        Assert.Equal(DateTimeOffset.Parse((string)stored["createdAt"]!), channel.CreatedAt);
        Assert.Equal(LiveStreamVendor.Sigma, channel.Provider);
        Assert.Equal("Sigma", channel.Connection!.Name);
        Assert.Equal(emulator.Sigma.AppId, channel.Raw["appId"]);
        Assert.Equal(emulator.Sigma.AppId, _shell.Run("$c.Raw.appId", ("c", channel)).Output.Single().BaseObject);
    }

    [Fact]
    public void Profile_names_map_to_the_documented_ids_and_raw_ids_pass_through()
    {
        var custom = Guid.NewGuid().ToString();

        var result = _shell.Run("New-LiveChannel -Name p -Profile 720p, 'FBFFBD08-ED7F-4A51-AABD-3132AC863BB5', $custom",
            ("custom", custom));

        result.AssertSuccess();
        var sent = JsonNode.Parse(emulator.ChannelRequests("POST").Single().Body)!;
        Assert.Equal(["54a3d4db-a827-45ae-b6be-1faa21c2e7c6", "fbffbd08-ed7f-4a51-aabd-3132ac863bb5", custom],
            sent["transcodeProfile"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(["720p", "1080p", custom], result.Single<LiveChannel>().Profiles);
    }

    [Fact]
    public void A_profile_that_is_neither_a_name_nor_an_id_is_InvalidId_before_any_request()
    {
        var result = _shell.Run("'a', 'b' | New-LiveChannel -Profile 1080p, 4k");

        var error = result.SingleError();
        Assert.StartsWith("LiveStream.InvalidId,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("1080p, 720p, 480p", error.Exception.Message);
        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public void A_machine_id_that_is_not_a_guid_is_InvalidId_before_any_request()
    {
        var result = _shell.Run("New-LiveChannel -Name m -MachineId 'machine-1'");

        Assert.StartsWith("LiveStream.InvalidId,", result.SingleError().FullyQualifiedErrorId);
        Assert.Empty(emulator.Requests());
    }

    [Theory]
    [InlineData("UltraLowLatency", "ultra-low-latency")]
    [InlineData("lowlatency", "low-latency")]
    [InlineData("Normal", "normal")]
    [InlineData("low-latency", "low-latency")]
    public void Mode_names_map_to_Sigmas_words(string mode, string sent)
    {
        _shell.Run("New-LiveChannel -Name m -Mode $mode", ("mode", mode)).AssertSuccess();

        Assert.Equal(sent, (string?)JsonNode.Parse(emulator.ChannelRequests("POST").Single().Body)!["mode"]);
    }

    [Fact]
    public void Other_options_reach_the_body_and_a_mode_Sigma_refuses_comes_back_as_its_400()
    {
        var options = _shell.Run("New-LiveChannel -Name o -StopTimeout 120 -Record -OutputFormat DASH -Mode Normal");
        var refused = _shell.Run("New-LiveChannel -Name r -Mode 'turbo'");

        options.AssertSuccess();
        var sent = JsonNode.Parse(emulator.ChannelRequests("POST")[0].Body)!;
        Assert.Equal(120, (int)sent["stopTimeout"]!);
        Assert.True((bool)sent["record"]!);
        Assert.Equal("dash", (string?)sent["outputFormat"]);
        Assert.Equal("turbo", (string?)JsonNode.Parse(emulator.ChannelRequests("POST")[1].Body)!["mode"]);
        var error = refused.SingleError();
        Assert.StartsWith("LiveStream.InvalidArgument,", error.FullyQualifiedErrorId);
        Assert.Equal("r", error.TargetObject);
        Assert.Contains("mode must be one of", error.Exception.Message);
        Assert.Contains("400", error.Exception.Message);
    }

    [Fact]
    public void Names_with_Vietnamese_diacritics_round_trip_through_create_read_and_name_filters()
    {
        const string name = "Kênh thời sự 19h – Đà Nẵng";
        const string description = "Bản tin tối, phát lại lúc 23h";

        var created = _shell.Run("New-LiveChannel -Name $name -Description $description -Tag 'tin tức'",
            ("name", name), ("description", description)).Single<LiveChannel>();
        var byId = _shell.Run("Get-LiveChannel -Id $id", ("id", created.Id)).Single<LiveChannel>();
        var byExactName = _shell.Run("Get-LiveChannel -Name $name", ("name", name)).Single<LiveChannel>();
        var byPattern = _shell.Run("Get-LiveChannel -Name 'kênh THỜI*'").Single<LiveChannel>();

        Assert.Contains(name, emulator.ChannelRequests("POST").Single().Body);
        Assert.Equal(name, (string?)emulator.StoredChannel(created.Id)["name"]);
        Assert.Equal(description, (string?)emulator.StoredChannel(created.Id)["description"]);
        Assert.Equal("tin tức", (string?)emulator.StoredChannel(created.Id)["tags"]![0]);
        Assert.All(new[] { created, byId, byExactName, byPattern }, channel =>
        {
            Assert.Equal(name, channel.Name);
            Assert.Equal(created.Id, channel.Id);
        });
        Assert.Equal(description, byId.Description);
        var exactQuery = emulator.ChannelRequests("GET").Last(request => request.Query.Contains("q=")); // the first is the create's snapshot
        var q = WebUtility.UrlDecode(exactQuery.Query.Split('&').Single(part => part.TrimStart('?').StartsWith("q=")).Split('=', 2)[1]);
        Assert.Equal(name, (string?)JsonNode.Parse(q)!["name"]);
    }

    [Fact]
    public void Names_piped_in_make_one_channel_each_in_input_order()
    {
        var result = _shell.Run("'one', 'two', 'three', 'four', 'five' | New-LiveChannel -ThrottleLimit 3");

        result.AssertSuccess();
        Assert.Equal(["one", "two", "three", "four", "five"], result.Objects<LiveChannel>().Select(channel => channel.Name));
        Assert.Equal(5, emulator.StoredChannels().Count);
    }

    [Fact]
    public void WhatIf_sends_no_request()
    {
        var result = _shell.Run("New-LiveChannel -Name 'dry run' -WhatIf");

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Contains("What if", result.HostText);
        Assert.Contains("dry run", result.HostText);
        Assert.Empty(emulator.Requests());
    }

    [Fact]
    public void The_S3_secret_is_on_the_wire_but_in_no_stream_display_or_property()
    {
        var result = _shell.Run(
            "$s3 = New-LiveS3Destination -Bucket media -Endpoint https://s3.example -Region ap-southeast-1 " +
            "-AccessKey AKIA0001 -SecretKey ([System.Net.NetworkCredential]::new('', $secret).SecurePassword); " +
            "$s3 | Out-Default; $s3.ToString(); New-LiveChannel -Name s3 -CatchupS3 $s3 -Verbose -Debug",
            ("secret", S3Secret));

        result.AssertSuccess();
        Assert.Contains(S3Secret, emulator.ChannelRequests("POST").Single().Body);
        Assert.Contains("media", result.HostText);
        Assert.Contains("AKIA0001", result.HostText);
        Assert.Contains(result.Debug, record => record.Message.Contains("\"secretKey\":\"***\""));
        Assert.DoesNotContain(S3Secret, result.EverythingAsText());
        Assert.Equal("s3://media (https://s3.example)", result.Output[0].BaseObject);
    }

    [Fact]
    public void New_LiveS3Destination_takes_the_keys_from_a_credential()
    {
        var result = _shell.Run(
            "New-LiveS3Destination -Bucket media -Endpoint https://s3.example -Region hn " +
            "-Credential ([pscredential]::new('AKIA0002', [System.Net.NetworkCredential]::new('', $secret).SecurePassword))",
            ("secret", S3Secret));

        var destination = result.Single<LiveS3Destination>();
        Assert.Equal("AKIA0002", destination.AccessKey);
        Assert.Equal(S3Secret, new NetworkCredential(string.Empty, destination.SecretKey).Password);
        Assert.DoesNotContain(S3Secret, result.EverythingAsText());
    }

    [Fact]
    public void The_stream_key_is_on_the_object_but_never_in_verbose_or_debug_messages()
    {
        var created = _shell.Run("New-LiveChannel -Name keyed -Verbose -Debug");
        var channel = created.Single<LiveChannel>();
        var read = _shell.Run("Get-LiveChannel -Id $id -Verbose -Debug; Get-LiveChannel -Verbose -Debug", ("id", channel.Id));

        Assert.False(string.IsNullOrEmpty(channel.StreamKey));
        Assert.Equal(channel.StreamKey, read.Objects<LiveChannel>()[0].StreamKey);
        var messages = string.Join("\n", created.Verbose.Select(record => record.Message).Concat(created.Debug.Select(record => record.Message))
            .Concat(read.Verbose.Select(record => record.Message)).Concat(read.Debug.Select(record => record.Message)));
        Assert.Contains("\"streamToken\":\"***\"", messages);
        Assert.DoesNotContain(channel.StreamKey, messages);
    }

    [Fact]
    public void The_Sigma_only_parameters_are_marked_as_such()
    {
        Assert.Equal(
            ["CatchupS3", "Description", "MachineId", "Mode", "OutputFormat", "Profile", "Record", "StopTimeout", "Tag"],
            ChannelSettingAttribute.ParameterNames(typeof(NewLiveChannelCommand)).Order());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _shell.Dispose();
}
