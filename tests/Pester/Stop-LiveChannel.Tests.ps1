# Stop-LiveChannel as a user runs it: ids and channels piped in, -WhatIf/-Confirm/-PassThru, each vendor's stop, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Stop-LiveChannel on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
        $made = 1..4 | ForEach-Object { "Stop $_" } | New-LiveChannel -Confirm:$false | Start-LiveChannel -PassThru -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'sends nothing with -WhatIf' {
        $made[0] | Stop-LiveChannel -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'stops a piped live channel with -Confirm:$false, ending its session, and writes nothing without -PassThru' {
        Publish-TestSigmaEncoder -Channel $made[0]
        $made[0] | Stop-LiveChannel -Confirm:$false | Should -BeNullOrEmpty
        (Get-EmulatorRequest -Method DELETE).path | Should -Be "/api/livestream/channels/$($made[0].Id)/stop"
        (Get-LiveChannel -Id $made[0].Id).Status | Should -Be 'stop'
        (Get-LiveSession -ChannelId $made[0].Id -First 1).Status | Should -Be 'ended'
    }

    It 'writes each channel as it is after the stop with -PassThru, ids piped as strings, in order' {
        try {
            Add-EmulatorFault @{ pathPattern = "/channels/$($made[1].Id)/stop$"; latencyMs = 300 }
            $stopped = $made[1].Id, $made[2].Id | Stop-LiveChannel -PassThru -Confirm:$false
            $stopped.Id | Should -Be $made[1].Id, $made[2].Id
            $stopped.Status | Should -Be 'stop', 'stop'
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'takes the ChannelId column of a session log read with Import-Csv' {
        Publish-TestSigmaEncoder -Channel $made[3]
        $log = Join-Path $TestDrive 'sessions.csv'
        Get-LiveSession -ChannelId $made[3].Id | Select-Object Id, ChannelId, Status | Export-Csv -LiteralPath $log
        (Import-Csv -LiteralPath $log | Stop-LiveChannel -PassThru -Confirm:$false).Id | Should -Be $made[3].Id
    }

    It 'stops the channels of a whole Export-Csv or ConvertTo-Json of Get-LiveChannel read back from the file' {
        $channel = Get-LiveChannel -Connection $sigma -Name 'Stop 1' | Start-LiveChannel -PassThru -Confirm:$false
        $csv = Join-Path $TestDrive 'channels.csv'
        $channel | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Stop-LiveChannel -PassThru -Confirm:$false).Status | Should -Be 'stop'
        $channel = $channel | Start-LiveChannel -PassThru -Confirm:$false
        $json = Join-Path $TestDrive 'channels.json'
        $channel | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $json
        (Get-Content -LiteralPath $json -Raw | ConvertFrom-Json | Stop-LiveChannel -PassThru -Confirm:$false).Status |
            Should -Be 'stop'
    }

    It 'stops an id pasted in uppercase from an operator''s log' {
        $channel = Get-LiveChannel -Connection $sigma -Name 'Stop 2' | Start-LiveChannel -PassThru -Confirm:$false
        (Stop-LiveChannel -Id $channel.Id.ToUpperInvariant() -PassThru -Confirm:$false).Status | Should -Be 'stop'
    }

    # waits on rel: Start/Stop desired-state (stopping a channel that is not active is success, a verbose line)
    It 'succeeds for a channel that is already stopped, also under -ErrorAction Stop' {
        $again = $made[0] | Stop-LiveChannel -PassThru -Confirm:$false -ErrorAction Stop
        $again.Status | Should -Be 'stop'
    }

    It 'maps <Case> to <ErrorId> (<Category>)' -ForEach @(
        @{ Case = 'an unknown id'; Status = 0; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'a 403'; Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Case = 'a 500'; Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
    ) {
        try {
            $id = [guid]::NewGuid().ToString()
            if ($Status) {
                # An active channel: a failed stop of a stopped one is success (desired state), not this error.
                $id = (New-LiveChannel -Name "Stop fault $Status" -Confirm:$false | Start-LiveChannel -PassThru -Confirm:$false).Id
                Add-EmulatorFault @{ pathPattern = '/stop$'; kind = 'Status'; status = $Status }
            }
            Stop-LiveChannel -Id $id -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|$id"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses a malformed id, and a Theta stream id on this Sigma connection (wrong vendor), before any request' {
        $streamId = 'stream_' + ('a' * 25)
        Stop-LiveChannel -Id '42', $streamId -Connection $sigma -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|42', "LiveStream.InvalidId|InvalidArgument|$streamId"
        Get-RequestCount | Should -Be 0
    }

    It 'refuses an unrelated piped object (<Case>) with a binding error that says what it takes, and sends nothing' -ForEach @(
        @{ Case = 'a date'; Make = { Get-Date }; Says = 'System.DateTime without a ChannelId, StreamId or Id property is not a channel' }
        @{ Case = 'a hashtable without Id'; Make = { @{ Name = 'Stop 1' } }; Says = 'is not a channel' }
    ) {
        & $Make | Stop-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failed[0].TargetObject | Should -Not -BeNullOrEmpty
        $failed[0].Exception.Message | Should -Match ([regex]::Escape($Says))
        Get-RequestCount | Should -Be 0
    }

    It 'refuses a date given as -Id (a terminating binding error) before any request' {
        { Stop-LiveChannel -Id (Get-Date) -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Stop-LiveChannel on Theta' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
        $made = 'T1', 'T2' | New-LiveChannel -Confirm:$false
        $selections = $made | Select-EdgeIngestor -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'sends nothing with -WhatIf' {
        $made | Stop-LiveChannel -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'releases the Edge Ingestor of a piped stream, and -PassThru shows it off without ingest details' {
        $stopped = $made[0] | Stop-LiveChannel -PassThru -Confirm:$false
        $stopped.Id | Should -Be $made[0].Id
        $stopped.Status | Should -Be 'off'
        $stopped.StreamKey | Should -BeNullOrEmpty
        (Get-EmulatorRequest -PathLike '/ingestor/*/unselect' -Method PUT).path |
            Should -Be "/ingestor/$($selections[0].IngestorId)/unselect"
    }

    It 'stops the stream of a piped selection (its ChannelId)' {
        $selections[1] | Stop-LiveChannel -Confirm:$false
        (Get-EmulatorRequest -PathLike '/ingestor/*/unselect' -Method PUT).path |
            Should -Be "/ingestor/$($selections[1].IngestorId)/unselect"
    }

    It 'leaves a stream without an ingestor as it is: success, a verbose line, no unselect' {
        $said = $made[0] | Stop-LiveChannel -Confirm:$false -Verbose -ErrorAction Stop 4>&1 | Out-String
        $said | Should -Match 'has no Edge Ingestor selected'
        Get-RequestCount -PathLike '/ingestor/*/unselect' | Should -Be 0
    }

    It 'refuses an Edge Ingestor piped in (an ingestor is not a channel), sending nothing' {
        $ingestor = Get-EdgeIngestor -First 1
        Clear-EmulatorRequest
        $ingestor | Stop-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].Exception.Message | Should -Match 'LiveStream.Model.EdgeIngestor is not a channel'
        Get-RequestCount | Should -Be 0
    }

    It 'gives NotFound for an unknown stream and PermissionDenied for a 403 on unselect' {
        $unknown = 'stream_' + ('y' * 25)
        Stop-LiveChannel -Id $unknown -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotFound|ObjectNotFound|$unknown"
        $selection = $made[0] | Select-EdgeIngestor -Confirm:$false
        try {
            Add-EmulatorFault @{ pathPattern = '/unselect$'; kind = 'Status'; status = 403 }
            $made[0] | Stop-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            Get-ErrorSummary $failed | Should -Be "LiveStream.PermissionDenied|PermissionDenied|$($made[0].Id)"
        }
        finally {
            $null = Invoke-EmulatorControl -Path faults -Method DELETE
            $selection | Disconnect-EdgeIngestor -Confirm:$false
        }
    }
}
