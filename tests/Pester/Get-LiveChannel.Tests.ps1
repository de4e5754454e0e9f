# Get-LiveChannel as a user runs it: ids typed, piped, read from files; lists, filters and paging; its errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Get-LiveChannel on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
        $made = 'Morning', 'Noon', 'Evening' | New-LiveChannel -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'reads ids piped as strings, in input order' {
        $read = $made[2].Id, $made[0].Id | Get-LiveChannel
        $read.Name | Should -Be 'Evening', 'Morning'
        $read[0].PSTypeNames | Should -Contain 'LiveStream.Model.LiveChannel'
        $read[0].Provider | Should -Be 'Sigma'
    }

    It 'reads ids typed as -Id, positionally, with their alias -ChannelId, and as [guid]' {
        (Get-LiveChannel -Id $made[0].Id).Name | Should -Be 'Morning'
        (Get-LiveChannel $made[1].Id).Name | Should -Be 'Noon'
        (Get-LiveChannel -ChannelId $made[2].Id).Name | Should -Be 'Evening'
        ([guid] $made[1].Id | Get-LiveChannel).Name | Should -Be 'Noon'
    }

    It 'reads an id pasted in uppercase (sent as Sigma writes it), and refuses one with spaces around it' {
        (Get-LiveChannel -Id $made[0].Id.ToUpperInvariant()).Name | Should -Be 'Morning'
        (Get-EmulatorRequest -Method GET).path | Should -Be "/api/livestream/channels/$($made[0].Id)"
        " $($made[1].Id)" | Get-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.InvalidId|InvalidArgument| $($made[1].Id)"
    }

    It 'reads channels piped in again (by property name), with their own connection' {
        $again = $made | Get-LiveChannel
        $again.Id | Should -Be $made.Id
        $again[0].Connection | Should -Be $sigma
    }

    It 'reads the Id column of Import-Csv and the ChannelId property of ConvertFrom-Json' {
        $csv = Join-Path $TestDrive 'channels.csv'
        $made | Select-Object Id, Name | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Get-LiveChannel).Name | Should -Be 'Morning', 'Noon', 'Evening'
        $json = ConvertTo-Json @(@{ ChannelId = $made[1].Id; note = 'tonight' })
        ($json | ConvertFrom-Json | Get-LiveChannel).Name | Should -Be 'Noon'
    }

    It 'reads the channel of a piped session (its ChannelId, not the session Id)' {
        $channel = $made[0] | Start-LiveChannel -PassThru -Confirm:$false
        Publish-TestSigmaEncoder -Channel $channel
        $session = $channel | Get-LiveSession | Select-Object -First 1
        ($session | Get-LiveChannel).Id | Should -Be $channel.Id
    }

    It 'lists the channels of the connection and filters them by name and status' {
        @(Get-LiveChannel -Connection $sigma).Count | Should -Be 3
        (Get-LiveChannel -Connection $sigma -Name 'Noon').Id | Should -Be $made[1].Id
        @(Get-LiveChannel -Connection $sigma -Name '*ING').Name | Sort-Object | Should -Be 'Evening', 'Morning'
        @(Get-LiveChannel -Connection $sigma -Status Idle).Count | Should -BeGreaterOrEqual 2
    }

    It 'pages with -First and -Skip' {
        $all = Get-LiveChannel -Connection $sigma
        $page = Get-LiveChannel -Connection $sigma -Skip 1 -First 1
        @($page).Count | Should -Be 1
        $page.Id | Should -Be $all[1].Id
        @(Get-LiveChannel -Connection $sigma -First 2).Count | Should -Be 2
    }

    It 'gives one NotFound record for an exact name that matches nothing' {
        $found = Get-LiveChannel -Connection $sigma -Name 'noon' -ErrorVariable failed -ErrorAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.NotFound|ObjectNotFound|noon'
    }

    It 'refuses a malformed id with InvalidId before any request, and goes on with the next id' {
        $read = 'not-a-guid', $made[1].Id | Get-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue
        $read.Name | Should -Be 'Noon'
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|not-a-guid'
        Get-RequestCount | Should -Be 1
    }

    It 'gives NotFound for an unknown id' {
        $unknown = [guid]::NewGuid().ToString()
        Get-LiveChannel -Id $unknown -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotFound|ObjectNotFound|$unknown"
    }

    It 'maps the vendor answering <Status> to <ErrorId> (<Category>), one record per id' -ForEach @(
        @{ Status = 404; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound' }
        @{ Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
    ) {
        try {
            Add-EmulatorFault @{ pathPattern = "/channels/$($made[0].Id)$"; kind = 'Status'; status = $Status }
            $read = $made[0].Id, $made[2].Id | Get-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue
            $read.Name | Should -Be 'Evening'
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|$($made[0].Id)"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'keeps input order with -ThrottleLimit <Limit> when the first call answers last' -ForEach @(
        @{ Limit = 1 }, @{ Limit = 4 }
    ) {
        try {
            Add-EmulatorFault @{ pathPattern = "/channels/$($made[0].Id)$"; latencyMs = 300 }
            ($made.Id | Get-LiveChannel -ThrottleLimit $Limit).Name | Should -Be 'Morning', 'Noon', 'Evening'
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses an unrelated piped object (<Case>) with a binding error, sending nothing' -ForEach @(
        @{ Case = 'a date'; Make = { Get-Date } }
        @{ Case = 'a connection'; Make = { Get-LiveStreamConnection | Select-Object -First 1 } }
        @{ Case = 'an object without Id'; Make = { [pscustomobject] @{ Title = 'Noon' } } }
    ) {
        $read = & $Make | Get-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue
        $read | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].Exception.Message | Should -Match 'is not a channel'
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Get-LiveChannel on Theta' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
        $made = 'Stage', 'Studio' | New-LiveChannel -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'reads stream ids piped as strings and streams piped in again' {
        ($made[1].Id, $made[0].Id | Get-LiveChannel).Name | Should -Be 'Studio', 'Stage'
        $again = $made | Get-LiveChannel
        $again.Id | Should -Be $made.Id
        $again[0].Provider | Should -Be 'Theta'
        $again[0].Connection | Should -Be $theta
    }

    It 'reads a StreamId property (a Theta user''s word) from ConvertFrom-Json' {
        ('{"StreamId":"' + $made[0].Id + '"}' | ConvertFrom-Json | Get-LiveChannel).Name | Should -Be 'Stage'
    }

    It 'lists the streams of the account and filters by On/Off' {
        @(Get-LiveChannel -Connection $theta).Name | Sort-Object | Should -Be 'Stage', 'Studio'
        @(Get-LiveChannel -Connection $theta -Status Off).Count | Should -Be 2
        @(Get-LiveChannel -Connection $theta -Status On).Count | Should -Be 0
        @(Get-LiveChannel -Connection $theta -First 1).Count | Should -Be 1
    }

    It 'refuses a Sigma status on a Theta connection before any request' {
        Get-LiveChannel -Connection $theta -Status Idle -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidArgument|InvalidArgument|Idle'
        Get-RequestCount | Should -Be 0
    }

    It 'refuses a Sigma id on the Theta connection (wrong vendor) and a malformed stream id, before any request' {
        $guid = [guid]::NewGuid().ToString()
        Get-LiveChannel -Id $guid, 'stream_short' -Connection $theta -ErrorVariable failed -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.InvalidId|InvalidArgument|$guid", 'LiveStream.InvalidId|InvalidArgument|stream_short'
        Get-RequestCount | Should -Be 0
    }

    It 'gives NotFound for an unknown stream id, and ServerError for a 500' {
        $unknown = 'stream_' + ('0' * 25)
        Get-LiveChannel -Id $unknown -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotFound|ObjectNotFound|$unknown"
        try {
            Add-EmulatorFault @{ pathPattern = '^/stream/'; kind = 'Status'; status = 500 }
            Get-LiveChannel -Id $made[0].Id -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorSummary $failed | Should -Be "LiveStream.ServerError|ConnectionError|$($made[0].Id)"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses an Edge Ingestor piped in (its Id is not a stream''s), sending nothing' {
        $ingestor = Get-EdgeIngestor -First 1
        Clear-EmulatorRequest
        $ingestor | Get-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].Exception.Message | Should -Match 'EdgeIngestor is not a channel'
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Get-LiveChannel with both vendors connected' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $sigma = Connect-TestSigma -PassThru
        $theta = Connect-TestTheta -PassThru
        $sigmaChannel = New-LiveChannel -Name 'Both-S' -Connection $sigma -Confirm:$false
        $thetaStream = New-LiveChannel -Name 'Both-T' -Connection $theta -Confirm:$false
    }

    It 'reads a mixed list of ids, each through the connection of its vendor' {
        $read = $sigmaChannel.Id, $thetaStream.Id | Get-LiveChannel
        $read.Provider | Should -Be 'Sigma', 'Theta'
        $read.Name | Should -Be 'Both-S', 'Both-T'
    }

    It 'lists the channels of every connected account with no -Connection' {
        (Get-LiveChannel).Name | Sort-Object | Should -Be 'Both-S', 'Both-T'
    }
}
