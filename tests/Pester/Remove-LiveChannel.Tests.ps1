# Remove-LiveChannel as a user runs it: ids and channels piped in, -WhatIf/-Confirm/-PassThru, Theta's refusal, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Remove-LiveChannel on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
        $made = 1..7 | ForEach-Object { "Remove $_" } | New-LiveChannel -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'sends nothing with -WhatIf' {
        $made[0] | Remove-LiveChannel -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'removes a piped channel with -Confirm:$false and writes nothing without -PassThru' {
        $made[0] | Remove-LiveChannel -Confirm:$false | Should -BeNullOrEmpty
        (Get-EmulatorRequest -Method DELETE).path | Should -Be "/api/livestream/channels/$($made[0].Id)"
        Get-LiveChannel -Id $made[0].Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'writes each channel as it was before removal with -PassThru, ids piped as strings, in input order' {
        try {
            Add-EmulatorFault @{ pathPattern = "/channels/$($made[1].Id)$"; method = 'DELETE'; latencyMs = 300 }
            $removed = $made[1].Id, $made[2].Id | Remove-LiveChannel -PassThru -Confirm:$false
            $removed.Name | Should -Be 'Remove 2', 'Remove 3'
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'removes the channels a filter of Import-Csv rows names (Id column)' {
        $csv = Join-Path $TestDrive 'old.csv'
        $made[3..4] | Select-Object Id, Name | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Where-Object Name -Like 'Remove*' | Remove-LiveChannel -PassThru -Confirm:$false).Name |
            Should -Be 'Remove 4', 'Remove 5'
    }

    It 'refuses to remove a channel that is broadcasting (Conflict) and removes the next one' {
        $live = $made[5] | Start-LiveChannel -PassThru -Confirm:$false
        Publish-TestSigmaEncoder -Channel $live
        $removed = $made[5], $made[6] | Remove-LiveChannel -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $removed.Name | Should -Be 'Remove 7'
        Get-ErrorSummary $failed | Should -Be "LiveStream.Conflict|ResourceExists|$($made[5].Id)"
    }

    It 'maps <Case> to <ErrorId> (<Category>)' -ForEach @(
        @{ Case = 'an unknown id'; Status = 0; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'a 403'; Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Case = 'a 500'; Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
    ) {
        try {
            $id = [guid]::NewGuid().ToString()
            if ($Status) {
                $id = $made[5].Id
                Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels/'; method = 'DELETE'; kind = 'Status'; status = $Status }
            }
            Remove-LiveChannel -Id $id -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|$id"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses a malformed id, and an unrelated piped object with a binding error, before any request' {
        Remove-LiveChannel -Id 'Remove 6' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|Remove 6'
        Get-Date | Remove-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $streamId = 'stream_' + ('b' * 25)
        Remove-LiveChannel -Id $streamId -Connection $sigma -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be "LiveStream.InvalidId|InvalidArgument|$streamId"
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Remove-LiveChannel on Theta' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $theta = Connect-TestTheta -PassThru
        $stream = New-LiveChannel -Name 'Kept' -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'refuses a Theta stream (no delete in its API) with NotSupported, without asking and without a request' {
        $stream | Remove-LiveChannel -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotSupported|InvalidOperation|$($stream.Id)"
        $failed[0].Exception.Message | Should -Match 'Stop-LiveChannel'
        Get-RequestCount | Should -Be 0
        (Get-LiveChannel -Id $stream.Id).Name | Should -Be 'Kept'
    }

    It 'writes nothing with -WhatIf either' {
        $stream.Id | Remove-LiveChannel -WhatIf -ErrorAction SilentlyContinue
        Get-RequestCount | Should -Be 0
    }
}
