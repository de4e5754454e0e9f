using System.Management.Automation;
using LiveStream.Emulator;
using LiveStream.Tests.Infrastructure;

namespace LiveStream.Tests;

/// <summary>
/// A scripted workload of more than 500 channel operations on Sigma while a fifth of all vendor calls fail transiently
/// (429 with Retry-After 0 or 1, 503, connection reset): every operation succeeds, no channel is made twice, and the
/// emulator ends in exactly the state the script intended.
/// </summary>
public sealed class TransientFaultWorkloadTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const int ChannelCount = 140;
    private readonly PsRunspace _shell = new();

    // Channels 0..99 are started, 0..59 stopped again, 0..39 and 100..139 removed. What remains: 40..59 stopped,
    // 60..99 active. A create that ends in LiveStream.OutcomeUnknown is handled as its message says: look the name up
    // and create it again only when it is absent.
    private const string Workload = """
        $operations = 0; $outcomeUnknown = 0
        $failures = [System.Collections.Generic.List[string]]::new()
        function Add-Failure($records) { foreach ($record in $records) { $failures.Add("$($record.FullyQualifiedErrorId): $($record.Exception.Message)") } }
        $created = [System.Collections.Generic.List[object]]::new()
        foreach ($name in $names) {
            $channel = $null
            while (-not $channel) {
                $channel = New-LiveChannel -Name $name -ErrorAction SilentlyContinue -ErrorVariable failed
                $operations++
                if (-not $failed) { break }
                if ($failed[0].FullyQualifiedErrorId -notlike 'LiveStream.OutcomeUnknown,*') { Add-Failure $failed; break }
                $outcomeUnknown++
                $channel = Get-LiveChannel -Name $name -ErrorAction SilentlyContinue -ErrorVariable lookupFailed
                $operations++
                if ($lookupFailed -and $lookupFailed[0].FullyQualifiedErrorId -notlike 'LiveStream.NotFound,*') { Add-Failure $lookupFailed; break }
            }
            $created.Add($channel)
        }
        function Invoke-Step([scriptblock] $step, [object[]] $items) {
            $script:operations += $items.Count
            $out = $items | & $step -ErrorAction SilentlyContinue -ErrorVariable stepFailed
            Add-Failure $stepFailed
            $out
        }
        $read = Invoke-Step { process { $_ | Get-LiveChannel -ThrottleLimit 8 } } $created.Id
        $listed = @(Get-LiveChannel -ErrorAction SilentlyContinue -ErrorVariable listFailed); $operations++; Add-Failure $listFailed
        $null = Invoke-Step { $input | Start-LiveChannel -ThrottleLimit 8 } $created[0..99]
        $listedStarted = @(Get-LiveChannel -ErrorAction SilentlyContinue -ErrorVariable listFailed | Where-Object Status -eq 'active'); $operations++; Add-Failure $listFailed
        $null = Invoke-Step { $input | Stop-LiveChannel -ThrottleLimit 8 } $created[0..59]
        $null = Invoke-Step { $input | Remove-LiveChannel -Confirm:$false -ThrottleLimit 8 } ($created[0..39] + $created[100..139])
        $remaining = @(Get-LiveChannel -ErrorAction SilentlyContinue -ErrorVariable listFailed); $operations++; Add-Failure $listFailed
        [pscustomobject]@{
            Operations = $operations; OutcomeUnknown = $outcomeUnknown; Failures = $failures.ToArray(); Created = $created.ToArray()
            Read = @($read).Count; Listed = $listed.Count; ListedStarted = $listedStarted.Count; Remaining = $remaining
        }
        """;

    public async Task InitializeAsync()
    {
        await emulator.ResetAsync();
        _shell.ConnectSigma(emulator, "-MaxRetries 10").AssertSuccess();
        // First matching rule that fires wins: together about 20% of all vendor calls (0.99 x 0.925 x 0.925 x 0.93).
        await emulator.AddFaultAsync(new FaultRule(Kind: FaultKind.Status, Status: 429, RetryAfterSeconds: 1, Rate: 0.01, Count: 3));
        await emulator.AddFaultAsync(new FaultRule(Kind: FaultKind.Status, Status: 429, RetryAfterSeconds: 0, Rate: 0.075));
        await emulator.AddFaultAsync(new FaultRule(Kind: FaultKind.Status, Status: 503, RetryAfterSeconds: 0, Rate: 0.075));
        await emulator.AddFaultAsync(new FaultRule(Kind: FaultKind.Drop, Rate: 0.07));
        emulator.State.ClearRequests();
    }

    [Fact]
    public void Five_hundred_channel_operations_under_20_percent_transient_failures_all_succeed_and_leave_exactly_the_intended_state()
    {
        var names = Enumerable.Range(0, ChannelCount).Select(index => $"load-{index:000}").ToArray();

        var result = _shell.Run(Workload, ("names", names));

        result.AssertSuccess();
        var outcome = Assert.Single(result.Output);
        int Count(string property) => (int)outcome.Properties[property].Value;
        Assert.Empty((string[])outcome.Properties["Failures"].Value);
        Assert.True(Count("Operations") >= 500, $"{Count("Operations")} operations");
        Assert.Equal(ChannelCount, Count("Read"));
        Assert.Equal(ChannelCount, Count("Listed"));
        Assert.Equal(100, Count("ListedStarted"));

        var created = ((object[])outcome.Properties["Created"].Value).Select(item => (LiveStream.Model.LiveChannel)PSObject.AsPSObject(item).BaseObject).ToList();
        Assert.Equal(names, created.Select(channel => channel.Name));
        Assert.Equal(ChannelCount, created.Select(channel => channel.Id).Distinct().Count());
        var expected = created.Select((channel, index) => (channel.Id, channel.Name, Status: index switch
        {
            < 40 or >= 100 => null,
            < 60 => "stop",
            _ => "active",
        })).Where(channel => channel.Status != null).ToList();
        var stored = emulator.StoredChannels().Select(channel => ((string)channel["id"]!, (string)channel["name"]!, (string?)channel["status"]))
            .OrderBy(channel => channel.Item2, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, stored);
        var remaining = (object[])outcome.Properties["Remaining"].Value;
        Assert.Equal(expected.Select(channel => channel.Id).Order(),
            remaining.Select(item => ((LiveStream.Model.LiveChannel)PSObject.AsPSObject(item).BaseObject).Id).Order());

        var creates = emulator.ChannelRequests("POST").Count;
        var unknown = Count("OutcomeUnknown");
        // Resets hit about one request in 14, so some of the 140 creates were lost and made again after a lookup.
        Assert.True(unknown > 0, "no create ended in OutcomeUnknown: the script's recovery was not exercised");
        Assert.True(creates >= ChannelCount + unknown, $"{creates} creates on the wire for {ChannelCount} channels and {unknown} unknown outcomes");
        Assert.True(emulator.Requests().Count > Count("Operations"),
            $"{emulator.Requests().Count} requests on the wire for {Count("Operations")} operations: no retries were visible");
        Console.WriteLine($"workload: {Count("Operations")} operations, {emulator.Requests().Count} requests on the wire, " +
            $"{creates} create requests, {unknown} creates with an unknown outcome looked up and made again");
    }

    public Task DisposeAsync()
    {
        _shell.Dispose();
        return emulator.ResetAsync();
    }
}
