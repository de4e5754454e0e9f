using System.Management.Automation;
using System.Text.Json.Nodes;
using LiveStream.Model;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>Start-, Stop- and Remove-LiveChannel, and how the channel cmdlets pick their connection.</summary>
public sealed class ChannelLifecycleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly PsRunspace _shell = new();

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator).AssertSuccess();
    }

    [Fact]
    public void Start_and_Stop_send_PATCH_start_and_DELETE_stop_and_PassThru_writes_the_channel_read_again()
    {
        var id = _shell.NewChannels("show")[0].Id;
        emulator.State.ClearRequests();

        var started = _shell.Run("Start-LiveChannel -Id $id -PassThru", ("id", id));
        var quietStop = _shell.Run("Stop-LiveChannel $id", ("id", id));

        Assert.Equal("active", started.Single<LiveChannel>().Status);
        quietStop.AssertSuccess();
        Assert.Empty(quietStop.Output);
        Assert.Equal(["PATCH " + SigmaChannelHelpers.ChannelsPath + "/" + id + "/start", "GET " + SigmaChannelHelpers.ChannelsPath + "/" + id,
            "DELETE " + SigmaChannelHelpers.ChannelsPath + "/" + id + "/stop"], emulator.Requests().Select(request => request.Method + " " + request.Path));
        Assert.Equal("stop", (string?)emulator.StoredChannel(id)["status"]);
    }

    [Fact]
    public void Piping_the_active_channels_to_Stop_stops_exactly_those()
    {
        var made = _shell.NewChannels("c1", "c2", "c3", "c4", "c5");
        _shell.Run("$made[1], $made[3] | Start-LiveChannel", ("made", made)).AssertSuccess();
        emulator.State.ClearRequests();

        var result = _shell.Run("Get-LiveChannel | Where-Object Status -eq 'active' | Stop-LiveChannel");

        result.AssertSuccess();
        var stops = emulator.Requests().Where(request => request.Path.EndsWith("/stop")).ToList();
        Assert.All(stops, request => Assert.Equal("DELETE", request.Method));
        Assert.Equal(new[] { made[1].Id, made[3].Id }.Order(), stops.Select(request => request.Path.Split('/')[^2]).Order());
        Assert.Equal(["idle", "stop", "idle", "stop", "idle"], made.Select(channel => (string?)emulator.StoredChannel(channel.Id)["status"]));
    }

    [Fact]
    public void Starting_an_active_channel_is_success_with_a_verbose_line_as_Start_Service_does()
    {
        var made = _shell.NewChannels("running", "waiting");
        _shell.Run("Start-LiveChannel $id", ("id", made[0].Id)).AssertSuccess();

        var result = _shell.Run("$made | Start-LiveChannel -PassThru -Verbose", ("made", made));

        result.AssertSuccess();
        Assert.Equal(["running", "waiting"], result.Objects<LiveChannel>().Select(channel => channel.Name));
        Assert.Contains(result.Verbose, record => record.Message.Contains(made[0].Id) && record.Message.Contains("already active"));
    }

    [Fact]
    public void WhatIf_on_Start_Stop_and_Remove_sends_no_request()
    {
        var made = _shell.NewChannels("kept");
        emulator.State.ClearRequests();

        var result = _shell.Run("$made | Start-LiveChannel -WhatIf; $made | Stop-LiveChannel -WhatIf; $made | Remove-LiveChannel -WhatIf",
            ("made", made));

        result.AssertSuccess();
        Assert.Empty(emulator.Requests());
        Assert.Equal(3, result.HostText.Split("What if:").Length - 1);
        Assert.Single(emulator.StoredChannels());
    }

    [Fact]
    public void Remove_without_Confirm_false_asks_and_sends_nothing_when_answered_No()
    {
        var made = _shell.NewChannels("precious");
        emulator.State.ClearRequests();

        var result = _shell.Run("Remove-LiveChannel -Id $id", ("id", made[0].Id));

        result.AssertSuccess();
        var prompt = Assert.Single(_shell.Host.Prompts);
        Assert.Contains(made[0].Id, prompt);
        Assert.Contains("Remove", prompt);
        Assert.Empty(emulator.Requests());
        Assert.Single(emulator.StoredChannels());
    }

    [Fact]
    public void Remove_answered_Yes_deletes_and_PassThru_writes_the_channel_as_it_was()
    {
        var made = _shell.NewChannels("gone");
        _shell.Host.ChoiceAnswer = "&Yes";

        var result = _shell.Run("$made | Remove-LiveChannel -PassThru", ("made", made));

        Assert.Single(_shell.Host.Prompts);
        Assert.Equal(made[0].Id, result.Single<LiveChannel>().Id);
        Assert.Empty(emulator.StoredChannels());
        Assert.Single(emulator.ChannelRequests("DELETE"));
    }

    [Fact]
    public void Remove_of_a_channel_with_a_live_session_is_a_Conflict_and_the_channel_stays()
    {
        var made = _shell.NewChannels("on air", "off air");
        emulator.EditSigma(store => store.Sessions.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["channelId"] = made[0].Id, ["status"] = "live",
        }));

        var result = _shell.Run("$made | Remove-LiveChannel -Confirm:$false", ("made", made));

        var error = result.SingleError();
        Assert.Equal("LiveStream.Conflict,LiveStream.Commands.RemoveLiveChannelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(made[0].Id, error.TargetObject);
        Assert.Equal([made[0].Id], emulator.StoredChannels().Select(channel => (string?)channel["id"]));
    }

    [Fact]
    public void Missing_and_malformed_ids_fail_alone_in_input_order_and_the_others_are_stopped()
    {
        var made = _shell.NewChannels("s1", "s2");
        _shell.Run("$made | Start-LiveChannel", ("made", made)).AssertSuccess();
        var missing = Guid.NewGuid().ToString();
        emulator.State.ClearRequests();

        var result = _shell.Run(
            "$ids | Stop-LiveChannel -PassThru 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject } else { $_.Name + ' ' + $_.Status } }",
            ("ids", new[] { missing, made[0].Id, "42", made[1].Id }));

        Assert.Equal(["LiveStream.NotFound " + missing, "s1 stop", "LiveStream.InvalidId 42", "s2 stop"],
            result.Output.Select(item => item.ToString()));
        Assert.DoesNotContain(emulator.Requests(), request => request.Path.Contains("/42/"));
    }

    [Fact]
    public void A_guid_id_uses_the_Sigma_connection_a_list_reads_both_vendors_and_a_create_never_guesses_the_vendor()
    {
        var id = _shell.NewChannels("routed")[0].Id;
        _shell.ConnectTheta(emulator, emulator.ThetaA).AssertSuccess();
        emulator.State.ClearRequests();

        var byId = _shell.Run("Get-LiveChannel -Id $id", ("id", id));
        var create = _shell.Run("New-LiveChannel -Name 'where?'");
        var created = _shell.Run("New-LiveChannel -Name 'there' -Vendor Theta");
        var listing = _shell.Run("Get-LiveChannel");
        var explicitSigma = _shell.Run("Get-LiveChannel -Connection Sigma");

        Assert.Equal("routed", byId.Single<LiveChannel>().Name);
        Assert.Equal("routed", explicitSigma.Single<LiveChannel>().Name);
        Assert.Empty(create.Output);
        Assert.StartsWith("LiveStream.AmbiguousConnection,", create.SingleError().FullyQualifiedErrorId);
        Assert.Equal(LiveStreamVendor.Theta, created.Single<LiveChannel>().Provider);
        Assert.Equal([("routed", LiveStreamVendor.Sigma), ("there", LiveStreamVendor.Theta)],
            listing.Objects<LiveChannel>().Select(channel => (channel.Name, channel.Provider)));
        Assert.Single(emulator.StoredChannels());
        Assert.DoesNotContain(emulator.Requests(), request => request.Body.Contains("where?"));
    }

    [Fact]
    public void A_guid_on_an_explicit_Theta_connection_is_InvalidId_for_each_and_a_guid_without_a_Sigma_connection_is_NotConnected()
    {
        using var thetaOnly = new PsRunspace();
        thetaOnly.ConnectTheta(emulator, emulator.ThetaA).AssertSuccess();
        emulator.State.ClearRequests();

        var explicitTheta = thetaOnly.Run("Start-LiveChannel -Id $ids -Connection (Get-LiveStreamConnection)",
            ("ids", new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString() }));
        var noSigma = thetaOnly.Run("Stop-LiveChannel -Id $id", ("id", Guid.NewGuid().ToString()));

        Assert.Equal(2, explicitTheta.Errors.Count);
        Assert.All(explicitTheta.Errors, error =>
        {
            Assert.StartsWith("LiveStream.InvalidId,", error.FullyQualifiedErrorId);
            Assert.Contains("is not a Theta stream id", error.Exception.Message);
        });
        Assert.Empty(emulator.Requests());
        var notConnected = noSigma.SingleError();
        Assert.StartsWith("LiveStream.NotConnected,", notConnected.FullyQualifiedErrorId);
        Assert.Contains("Sigma", notConnected.Exception.Message);
    }

    [Fact]
    public void A_piped_channel_carries_its_connection_while_an_id_uses_the_default_one()
    {
        var made = _shell.NewChannels("carried");
        _shell.Run("Connect-LiveStream -Sigma -AppId $appId -BaseUri 'http://127.0.0.1:9/' -Name unreachable -SkipCheck -MaxRetries 0 " +
            "-Credential ([pscredential]::new('u', [System.Net.NetworkCredential]::new('', 'x-secret').SecurePassword))",
            ("appId", emulator.Sigma.AppId)).AssertSuccess();

        var piped = _shell.Run("$made | Start-LiveChannel -PassThru", ("made", made));
        var byId = _shell.Run("Stop-LiveChannel -Id $id", ("id", made[0].Id));

        Assert.Equal("Sigma", made[0].Connection!.Name);
        Assert.Equal("active", piped.Single<LiveChannel>().Status);
        Assert.StartsWith("LiveStream.ConnectionFailed,", byId.SingleError().FullyQualifiedErrorId);
        Assert.Equal("active", (string?)emulator.StoredChannel(made[0].Id)["status"]);
    }

    [Fact]
    public void A_channel_whose_connection_was_closed_is_NotConnected_not_a_crash()
    {
        var made = _shell.NewChannels("orphan");
        _shell.Run("Disconnect-LiveStream -Name Sigma").AssertSuccess();
        _shell.ConnectSigma(emulator, "-Name Other").AssertSuccess();

        var result = _shell.Run("$made | Start-LiveChannel", ("made", made));

        var error = result.SingleError();
        Assert.Equal("LiveStream.NotConnected,LiveStream.Commands.StartLiveChannelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(made[0].Id, error.TargetObject);
        Assert.Contains("Connect-LiveStream", error.ErrorDetails.RecommendedAction);
        Assert.Equal("idle", (string?)emulator.StoredChannel(made[0].Id)["status"]);
    }

    [Fact]
    public void A_channel_read_before_its_connection_was_made_again_under_the_same_name_goes_on_through_the_new_one()
    {
        var made = _shell.NewChannels("rerun");
        _shell.ConnectSigma(emulator).AssertSuccess();

        var result = _shell.Run("$made | Start-LiveChannel -PassThru", ("made", made));

        result.AssertSuccess();
        Assert.Equal("active", (string?)emulator.StoredChannel(made[0].Id)["status"]);
        Assert.Same(result.Single<LiveChannel>().Connection,
            _shell.Run("Get-LiveStreamConnection -Name Sigma").Single<LiveStreamConnection>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _shell.Dispose();
}
