# Disconnect-EdgeIngestor (alias Unselect-EdgeIngestor) as a user runs it: selections, ingestors and ids piped in,
# -WhatIf/-Confirm, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Disconnect-EdgeIngestor on Theta' {
    BeforeAll {
        Reset-Emulator
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
        $streams = 'D1', 'D2', 'D3' | New-LiveChannel -Confirm:$false
        function Select-All { $streams | Select-EdgeIngestor -Confirm:$false }
        function Get-Selected { @(Get-EdgeIngestor -State Selected) }
    }
    BeforeEach { Clear-EmulatorRequest }
    AfterEach { Get-EdgeIngestor -State Selected | Disconnect-EdgeIngestor -Confirm:$false -ErrorAction SilentlyContinue }

    It 'sends nothing with -WhatIf' {
        $selections = Select-All
        Clear-EmulatorRequest
        $selections[0] | Disconnect-EdgeIngestor -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'releases piped selections (their IngestorId) with -Confirm:$false, writing nothing' {
        $selections = Select-All
        $selections | Disconnect-EdgeIngestor -Confirm:$false | Should -BeNullOrEmpty
        (Get-EmulatorRequest -PathLike '/ingestor/*/unselect' -Method PUT).path |
            Should -Be ($selections | ForEach-Object { "/ingestor/$($_.IngestorId)/unselect" })
        Get-Selected | Should -HaveCount 0
    }

    It 'releases piped ingestors, ids as strings, and the IngestorId column of Import-Csv' {
        $selections = Select-All
        Get-EdgeIngestor -State Selected | Where-Object Id -EQ $selections[0].IngestorId | Disconnect-EdgeIngestor -Confirm:$false
        $selections[1].IngestorId | Disconnect-EdgeIngestor -Confirm:$false
        $csv = Join-Path $TestDrive 'selections.csv'
        $selections[2] | Select-Object ChannelId, IngestorId | Export-Csv -LiteralPath $csv
        Import-Csv -LiteralPath $csv | Unselect-EdgeIngestor -Confirm:$false
        Get-Selected | Should -HaveCount 0
    }

    It 'keeps errors in input order with -ThrottleLimit <Limit>' -ForEach @(@{ Limit = 1 }, @{ Limit = 4 }) {
        $selections = Select-All
        try {
            Add-EmulatorFault @{ pathPattern = "/ingestor/$($selections[0].IngestorId)/unselect"; kind = 'Status'; status = 500; latencyMs = 200 }
            Add-EmulatorFault @{ pathPattern = "/ingestor/$($selections[2].IngestorId)/unselect"; kind = 'Status'; status = 403 }
            $selections | Disconnect-EdgeIngestor -ThrottleLimit $Limit -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            Get-ErrorSummary $failed | Should -Be "LiveStream.ServerError|ConnectionError|$($selections[0].IngestorId)",
                "LiveStream.PermissionDenied|PermissionDenied|$($selections[2].IngestorId)"
            (Get-Selected).Id | Sort-Object | Should -Be (@($selections[0].IngestorId, $selections[2].IngestorId) | Sort-Object)
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'gives PermissionDenied for an ingestor that another account selected' {
        $b = Connect-TestTheta -Account b -Name 'unselect-b' -PassThru
        try {
            $selection = $streams[0] | Select-EdgeIngestor -Confirm:$false
            Clear-EmulatorRequest
            $selection.IngestorId | Disconnect-EdgeIngestor -Connection $b -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            Get-ErrorSummary $failed | Should -Be "LiveStream.PermissionDenied|PermissionDenied|$($selection.IngestorId)"
        }
        finally { $b | Disconnect-LiveStream }
    }

    # Desired-state, the sibling of Stop-LiveChannel's (a selection that lapsed after 5 minutes is released
    # already: a runbook's finally { $selection | Disconnect-EdgeIngestor } never throws)
    It 'succeeds for an ingestor that is no longer selected, with a verbose line' {
        $selection = $streams[0] | Select-EdgeIngestor -Confirm:$false
        $selection | Disconnect-EdgeIngestor -Confirm:$false
        $said = $selection | Disconnect-EdgeIngestor -Confirm:$false -Verbose -ErrorAction Stop 4>&1 | Out-String
        $said | Should -Match $selection.IngestorId
    }

    It 'gives NotFound for an ingestor id of the right form that does not exist' {
        $unknown = '0x' + ('0' * 40)
        $unknown | Disconnect-EdgeIngestor -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotFound|ObjectNotFound|$unknown"
    }

    It 'refuses a malformed id and a stream id (with a hint) before any request' {
        'not-an-ingestor', $streams[0].Id | Disconnect-EdgeIngestor -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|not-an-ingestor', "LiveStream.InvalidId|InvalidArgument|$($streams[0].Id)"
        $failed[1].Exception.Message | Should -Match 'It is a stream id'
        Get-RequestCount | Should -Be 0
    }

    It 'refuses an unrelated piped object (<Case>) with a binding error, sending nothing' -ForEach @(
        @{ Case = 'a date'; Make = { Get-Date } }
        @{ Case = 'a stream'; Make = { $streams[0] } }
    ) {
        & $Make | Disconnect-EdgeIngestor -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].Exception.Message | Should -Match 'is not an Edge Ingestor'
        Get-RequestCount | Should -Be 0
    }

    It 'ends with WrongVendor for a Sigma connection' {
        $sigma = Connect-TestSigma -Name 'unselect-sigma' -PassThru
        try {
            { '0x' + ('a' * 40) | Disconnect-EdgeIngestor -Connection $sigma -Confirm:$false } | Should -Throw -ErrorId 'LiveStream.WrongVendor,*'
        }
        finally { $sigma | Disconnect-LiveStream }
    }
}
