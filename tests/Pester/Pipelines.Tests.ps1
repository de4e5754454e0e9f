# The module's objects in the pipelines people write: Select-Object, Sort-Object, Group-Object, Where-Object filters
# feeding the change cmdlets, and mixed lists of both vendors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
    $sigma = Connect-TestSigma -PassThru
    $theta = Connect-TestTheta -PassThru
    $channels = 'Old news', 'Old sport', 'Evening', 'Late' | New-LiveChannel -Connection $sigma -Confirm:$false
    $streams = 'Stage', 'Studio' | New-LiveChannel -Connection $theta -Confirm:$false
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Module objects through the Utility cmdlets' {
    BeforeEach { Clear-EmulatorRequest }

    It 'Select-Object keeps what the change cmdlets bind (Id; and Connection when selected)' {
        $started = Get-LiveChannel -Connection $sigma -Name 'Evening' | Select-Object Id, Name | Start-LiveChannel -PassThru -Confirm:$false
        $started.Name | Should -Be 'Evening'
        $started.Status | Should -Be 'active'
        $stopped = Get-LiveChannel -Connection $sigma -Name 'Evening' | Select-Object Id, Connection | Stop-LiveChannel -PassThru -Confirm:$false
        $stopped.Connection | Should -Be $sigma
        (Get-LiveChannel -Connection $theta | Select-Object -ExpandProperty Id | Get-LiveChannel).Name | Sort-Object |
            Should -Be 'Stage', 'Studio'
    }

    It 'Select-Object -First ends the list early, and what it passed on is acted on' {
        $first = Get-LiveChannel -Connection $sigma | Select-Object -First 1
        @($first).Count | Should -Be 1
        ($first | Get-LiveChannel).Id | Should -Be $first.Id
    }

    It 'Sort-Object orders by any property, and the sorted order is the order of the results' {
        $sorted = Get-LiveChannel -Connection $sigma | Sort-Object -Property Name -Descending
        $sorted.Name | Should -Be 'Old sport', 'Old news', 'Late', 'Evening'
        ($sorted | Get-LiveChannel -ThrottleLimit 4).Name | Should -Be $sorted.Name
    }

    It 'Group-Object groups a mixed list of both vendors by Provider and by Status' {
        $mixed = @($channels.Id) + @($streams.Id) | Get-LiveChannel
        $byVendor = $mixed | Group-Object -Property Provider | Sort-Object Name
        $byVendor | ForEach-Object { '{0}={1}' -f $_.Name, $_.Count } | Should -Be 'Sigma=4', 'Theta=2'
        ($mixed | Group-Object -Property Status -AsHashTable -AsString)['off'].Count | Should -Be 2
    }

    It 'Group-Object of sessions by ChannelId gives one group per broadcasting channel' {
        $live = Get-LiveChannel -Connection $sigma -Name 'Late' | Start-LiveChannel -PassThru -Confirm:$false
        Publish-TestSigmaEncoder -Channel $live
        Stop-TestSigmaEncoder -Channel $live
        Publish-TestSigmaEncoder -Channel $live
        $groups = Get-LiveSession | Group-Object -Property ChannelId
        @($groups).Count | Should -Be 1
        $groups[0].Name | Should -Be $live.Id
        $groups[0].Count | Should -Be 2
        $live | Stop-LiveChannel -Confirm:$false
    }

    It 'Where-Object feeds only the matching channels to Start-LiveChannel' {
        $idle = Get-LiveChannel -Connection $sigma | Where-Object Status -EQ 'idle'
        Clear-EmulatorRequest
        $started = Get-LiveChannel -Connection $sigma | Where-Object Status -EQ 'idle' | Start-LiveChannel -PassThru -Confirm:$false
        $started.Id | Should -Be $idle.Id
        Get-RequestCount -Method PATCH | Should -Be @($idle).Count
        $started | Stop-LiveChannel -Confirm:$false
    }

    It 'Where-Object with a script block feeds Remove-LiveChannel, and only those are removed' {
        $removed = Get-LiveChannel -Connection $sigma | Where-Object { $_.Name -like 'Old *' } | Remove-LiveChannel -PassThru -Confirm:$false
        $removed.Name | Sort-Object | Should -Be 'Old news', 'Old sport'
        (Get-LiveChannel -Connection $sigma).Name | Sort-Object | Should -Be 'Evening', 'Late'
    }

    It 'Where-Object over ingestors feeds Disconnect-EdgeIngestor' {
        $streams | Select-EdgeIngestor -Confirm:$false | Out-Null
        Get-EdgeIngestor -Connection $theta | Where-Object State -EQ 'selected' | Disconnect-EdgeIngestor -Confirm:$false
        @(Get-EdgeIngestor -Connection $theta -State Selected).Count | Should -Be 0
    }

    It 'Measure-Object and ForEach-Object read the objects as plain properties' {
        (Get-LiveChannel -Connection $theta | Measure-Object).Count | Should -Be 2
        (Get-LiveChannel -Connection $theta | ForEach-Object { $_.Name.ToUpperInvariant() }) | Sort-Object |
            Should -Be 'STAGE', 'STUDIO'
    }
}
