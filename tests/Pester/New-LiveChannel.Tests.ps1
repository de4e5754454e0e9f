# New-LiveChannel as a user runs it: names typed, piped and read from files, -WhatIf/-Confirm, each vendor's create,
# and its errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'New-LiveChannel on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'creates one channel per name piped in, in input order, with the documented defaults' {
        $made = 'One', 'Two', 'Three' | New-LiveChannel -Confirm:$false
        $made.Name | Should -Be 'One', 'Two', 'Three'
        $made[0].Provider | Should -Be 'Sigma'
        $made[0].Status | Should -Be 'idle'
        $made[0].Profiles | Should -Be '1080p', '720p', '480p'
        $made[0].Connection | Should -Be $sigma
        Get-RequestCount -Method POST | Should -Be 3
    }

    It 'keeps input order with -ThrottleLimit 4 when the answers come back in another order' {
        try {
            Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels$'; method = 'POST'; latencyJitterMs = 250 }
            ('A'..'F' | ForEach-Object { "Order $_" } | New-LiveChannel -ThrottleLimit 4 -Confirm:$false).Name |
                Should -Be ('A'..'F' | ForEach-Object { "Order $_" })
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'takes -Name by position and by the Name column of Import-Csv' {
        (New-LiveChannel 'Positional' -Confirm:$false).Name | Should -Be 'Positional'
        $csv = Join-Path $TestDrive 'names.csv'
        'Name,Owner', 'From CSV 1,ops', 'From CSV 2,ops' | Set-Content -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | New-LiveChannel -Confirm:$false).Name | Should -Be 'From CSV 1', 'From CSV 2'
        ('[{"Name":"From JSON"}]' | ConvertFrom-Json | New-LiveChannel -Confirm:$false).Name | Should -Be 'From JSON'
    }

    It 'sends the Sigma-only parameters as the document shows them' {
        $made = New-LiveChannel -Name 'Full' -Description 'desc' -Tag news, live -Profile 720p -Mode Normal -StopTimeout 60 -Record -Confirm:$false
        $made.Description | Should -Be 'desc'
        $made.Tags | Should -Be 'news', 'live'
        $made.Profiles | Should -Be '720p'
        $body = (Get-EmulatorRequest -PathLike '/api/livestream/channels' -Method POST | Select-Object -Last 1).body | ConvertFrom-Json
        $body.mode | Should -Be 'normal'
        $body.stopTimeout | Should -Be 60
        $body.record | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        New-LiveChannel -Name 'Only a test' -WhatIf
        Get-RequestCount | Should -Be 0
        @(Get-LiveChannel -Connection $sigma -Name 'Only a test' -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'refuses an unknown profile and a malformed machine id before any request (terminating InvalidId)' {
        { New-LiveChannel -Name 'x' -Profile 4k -Confirm:$false } | Should -Throw -ErrorId 'LiveStream.InvalidId,*'
        { New-LiveChannel -Name 'x' -MachineId 'machine-1' -Confirm:$false } | Should -Throw -ErrorId 'LiveStream.InvalidId,*'
        Get-RequestCount | Should -Be 0
    }

    It 'maps the vendor answering <Status> to <ErrorId> (<Category>) with the name as target' -ForEach @(
        @{ Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Status = 400; ErrorId = 'LiveStream.InvalidArgument'; Category = 'InvalidArgument' }
    ) {
        try {
            Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels$'; method = 'POST'; kind = 'Status'; status = $Status; count = 1 }
            $made = 'Refused', 'Accepted' | New-LiveChannel -ThrottleLimit 1 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            $made.Name | Should -Be 'Accepted'
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|Refused"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses an unrelated piped object (<Case>) with a binding error and creates nothing' -ForEach @(
        @{ Case = 'a date'; Make = { Get-Date } }
        @{ Case = 'a connection'; Make = { Get-LiveStreamConnection | Select-Object -First 1 } }
        @{ Case = 'an object without a Name'; Make = { [pscustomobject] @{ Title = 'x' } } }
    ) {
        & $Make | New-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        $failed[0].Exception.Message | Should -Match 'is not a channel name'
        Get-RequestCount | Should -Be 0
    }

    It 'refuses a session piped in: a session''s name is not a channel''s' {
        $channel = New-LiveChannel -Name 'Has sessions' -Confirm:$false | Start-LiveChannel -PassThru -Confirm:$false
        Publish-TestSigmaEncoder -Channel $channel
        $session = Get-LiveSession -ChannelId $channel.Id -First 1
        Clear-EmulatorRequest
        $session | New-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        Get-RequestCount -Method POST | Should -Be 0
    }
}

Describe 'New-LiveChannel on Theta' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'creates a stream per name piped in, off and with no ingest details yet' {
        $made = 'Stream 1', 'Stream 2' | New-LiveChannel -Confirm:$false
        $made.Name | Should -Be 'Stream 1', 'Stream 2'
        $made.Id | ForEach-Object { $_ | Should -Match '^stream_' }
        $made[0].Provider | Should -Be 'Theta'
        $made[0].Status | Should -Be 'off'
        $made[0].StreamKey | Should -BeNullOrEmpty
        # The creates overlap (-ThrottleLimit 4), so they reach the wire in any order; the output keeps input order.
        Get-EmulatorRequest -PathLike '/stream' -Method POST | ForEach-Object { ($_.body | ConvertFrom-Json).name } |
            Sort-Object | Should -Be 'Stream 1', 'Stream 2'
    }

    It 'sends nothing with -WhatIf' {
        New-LiveChannel -Name 'Only a test' -WhatIf
        Get-RequestCount | Should -Be 0
    }

    It 'refuses Sigma-only parameters on a Theta connection before any request' {
        New-LiveChannel -Name 'x' -Description 'd' -Record -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.ParameterNotSupported|InvalidArgument|x'
        $failed[0].Exception.Message | Should -Match '-Description, -Record'
        Get-RequestCount | Should -Be 0
    }

    It 'gives the vendor''s limit (three streams per account) as LimitsExceeded for the fourth' {
        $third = New-LiveChannel -Name 'Stream 3' -Confirm:$false
        $third.Name | Should -Be 'Stream 3'
        New-LiveChannel -Name 'Stream 4' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.LimitsExceeded|LimitsExceeded|Stream 4'
        $failed[0].Exception.Message | Should -Match '3/3'
    }

    It 'copies a channel by name onto another connection (a piped channel gives its Name)' {
        $b = Connect-TestTheta -Account b -Name 'theta-b' -PassThru
        $source = Get-LiveChannel -Connection $theta -Name 'Stream 1'
        $copy = $source | New-LiveChannel -Connection $b -Confirm:$false
        $copy.Name | Should -Be 'Stream 1'
        $copy.Connection | Should -Be $b
        $copy.Id | Should -Not -Be $source.Id
    }

    It 'copies a described Sigma channel onto Theta, leaving its Sigma-only Description out with a verbose line' {
        $sigma = Connect-TestSigma -Name 'sigma-source' -PassThru
        $source = New-LiveChannel -Name 'Described' -Description 'The 7pm show' -Connection $sigma -Confirm:$false
        $other = Connect-TestTheta -Account b -Name 'theta-copy' -PassThru   # account a holds its three streams already
        $said = $source | New-LiveChannel -Connection $other -Confirm:$false -Verbose -ErrorVariable failed 4>&1
        $failed | Should -BeNullOrEmpty
        $copy = $said | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $copy.Provider | Should -Be 'Theta'
        $copy.Name | Should -Be 'Described'
        (($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n") | Should -Match '-Description of the piped object left out'
        $sigma, $other | Disconnect-LiveStream
    }
}

Describe 'New-LiveChannel with both vendors connected' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $sigma = Connect-TestSigma -PassThru
        $theta = Connect-TestTheta -PassThru
    }

    It 'creates on the vendor of -Connection' {
        (New-LiveChannel -Name 'On Sigma' -Connection $sigma -Confirm:$false).Provider | Should -Be 'Sigma'
        (New-LiveChannel -Name 'On Theta' -Connection $theta -Confirm:$false).Provider | Should -Be 'Theta'
    }

    It 'refuses a create that does not say which vendor, naming -Connection, and sends nothing' {
        Clear-EmulatorRequest
        { New-LiveChannel -Name 'Which vendor' -Confirm:$false -ErrorAction Stop } | Should -Throw '*-Connection*'
        Get-RequestCount | Should -Be 0
    }

    It 'creates on Sigma when a Sigma-only parameter is given' {
        (New-LiveChannel -Name 'Described' -Description 'd' -Confirm:$false).Provider | Should -Be 'Sigma'
    }
}
