# Start-LiveChannel as a user runs it: ids and channels piped in, -WhatIf/-Confirm/-PassThru, each vendor's start, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Start-LiveChannel on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
        $made = 1..6 | ForEach-Object { "Start $_" } | New-LiveChannel -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'sends nothing with -WhatIf' {
        $made[0] | Start-LiveChannel -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'starts a piped channel with -Confirm:$false and writes nothing without -PassThru' {
        $made[0] | Start-LiveChannel -Confirm:$false | Should -BeNullOrEmpty
        (Get-EmulatorRequest -Method PATCH).path | Should -Be "/api/livestream/channels/$($made[0].Id)/start"
        (Get-LiveChannel -Id $made[0].Id).Status | Should -Be 'active'
    }

    It 'writes each channel as it is after the start with -PassThru, for ids piped as strings' {
        $started = $made[1].Id, $made[2].Id | Start-LiveChannel -PassThru -Confirm:$false
        $started.Id | Should -Be $made[1].Id, $made[2].Id
        $started.Status | Should -Be 'active', 'active'
        $started[0].StreamKey | Should -Not -BeNullOrEmpty
    }

    It 'takes the Id column of Import-Csv and the ChannelId property of ConvertFrom-Json' {
        $csv = Join-Path $TestDrive 'start.csv'
        $made[3] | Select-Object Id, Name | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Start-LiveChannel -PassThru -Confirm:$false).Id | Should -Be $made[3].Id
        $json = '[{"ChannelId":"' + $made[4].Id + '"}]'
        ($json | ConvertFrom-Json | Start-LiveChannel -PassThru -Confirm:$false).Id | Should -Be $made[4].Id
    }

    It 'keeps input order with -ThrottleLimit <Limit> when the first call answers last' -ForEach @(@{ Limit = 1 }, @{ Limit = 4 }) {
        try {
            $made | Stop-LiveChannel -Confirm:$false -ErrorAction SilentlyContinue
            Add-EmulatorFault @{ pathPattern = "/channels/$($made[0].Id)/start$"; latencyMs = 300 }
            ($made | Start-LiveChannel -PassThru -ThrottleLimit $Limit -Confirm:$false).Id | Should -Be $made.Id
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    # waits on rel: Start/Stop desired-state (a channel already active is success, with a verbose line)
    It 'succeeds for a channel that is already active' {
        $again = $made[0] | Start-LiveChannel -PassThru -Confirm:$false -ErrorAction Stop
        $again.Status | Should -Be 'active'
    }

    It 'refuses a malformed id with InvalidId, sending nothing for it, and goes on' {
        $stopped = $made[5] | Stop-LiveChannel -Confirm:$false -ErrorAction SilentlyContinue
        Clear-EmulatorRequest
        $started = 'not-a-guid', $made[5].Id | Start-LiveChannel -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $started.Id | Should -Be $made[5].Id
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|not-a-guid'
        Get-RequestCount -Method PATCH | Should -Be 1
    }

    It 'maps <Case> to <ErrorId> (<Category>)' -ForEach @(
        @{ Case = 'an unknown id'; Status = 0; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'a 403'; Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Case = 'a 500'; Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
    ) {
        try {
            $id = [guid]::NewGuid().ToString()
            if ($Status) {
                # An idle channel: a failed start of an active one is success (desired state), not this error.
                $id = (New-LiveChannel -Name "Start fault $Status" -Confirm:$false).Id
                Add-EmulatorFault @{ pathPattern = '/start$'; kind = 'Status'; status = $Status }
            }
            Start-LiveChannel -Id $id -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|$id"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses a Sigma id given with a Theta connection (wrong vendor) before any request' {
        $theta = Connect-TestTheta -Name 'start-theta' -PassThru
        Clear-EmulatorRequest
        try {
            Start-LiveChannel -Id $made[5].Id -Connection $theta -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            Get-ErrorSummary $failed | Should -Be "LiveStream.InvalidId|InvalidArgument|$($made[5].Id)"
            Get-RequestCount | Should -Be 0
        }
        finally { $theta | Disconnect-LiveStream }
    }

    It 'refuses an unrelated piped object (<Case>) with a binding error and sends nothing' -ForEach @(
        @{ Case = 'a date'; Make = { Get-Date } }
        @{ Case = 'a process'; Make = { Get-Process -Id $PID } }
    ) {
        & $Make | Start-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Start-LiveChannel on Theta' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
        $made = 'T1', 'T2', 'T3' | New-LiveChannel -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'sends nothing with -WhatIf' {
        $made[0] | Start-LiveChannel -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'selects the nearest available Edge Ingestor for a piped stream, and -PassThru shows its ingest details' {
        $started = $made[0] | Start-LiveChannel -PassThru -Confirm:$false
        $started.Id | Should -Be $made[0].Id
        $started.IngestUrl | Should -Match '^rtmp://'
        $started.StreamKey | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequest -PathLike '/ingestor/*/select' -Method PUT).Count | Should -Be 1
        @(Get-EdgeIngestor -State Selected).Count | Should -Be 1
    }

    It 'keeps the ingestor a stream has already (nothing selected again), and says so' {
        $said = $made[0] | Start-LiveChannel -Confirm:$false -Verbose 4>&1 | Out-String
        $said | Should -Match 'already has Edge Ingestor'
        Get-RequestCount -PathLike '/ingestor/*/select' | Should -Be 0
    }

    It 'starts ids piped as strings in input order with -ThrottleLimit 1' {
        ($made[2].Id, $made[1].Id | Start-LiveChannel -PassThru -ThrottleLimit 1 -Confirm:$false).Id |
            Should -Be $made[2].Id, $made[1].Id
    }

    It 'refuses a malformed stream id and gives NotFound for an unknown one' {
        $unknown = 'stream_' + ('z' * 25)
        'stream_short', $unknown | Start-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|stream_short', "LiveStream.NotFound|ObjectNotFound|$unknown"
    }

    It 'gives PermissionDenied when the vendor refuses the selection (403), and ServerError for a 500' {
        foreach ($case in @(@{ Status = 403; Id = 'LiveStream.PermissionDenied|PermissionDenied' }, @{ Status = 500; Id = 'LiveStream.ServerError|ConnectionError' })) {
            try {
                Add-EmulatorFault @{ pathPattern = '/ingestor/.*/select$'; kind = 'Status'; status = $case.Status }
                $made[0] | Stop-LiveChannel -Confirm:$false
                $made[0] | Start-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
                Get-ErrorSummary $failed | Should -Be "$($case.Id)|$($made[0].Id)"
            }
            finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
        }
    }

    It 'refuses an Edge Ingestor piped in, sending nothing' {
        $ingestor = Get-EdgeIngestor -State Available -First 1
        Clear-EmulatorRequest
        $ingestor | Start-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        Get-RequestCount | Should -Be 0
    }
}
