# Get-LiveSession as a user runs it: sessions of piped channels, ids typed and read from files, filters and paging, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Get-LiveSession on Sigma' {
    BeforeAll {
        Reset-Emulator
        $sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0 }
        $channels = 'Sessions A', 'Sessions B' | New-LiveChannel -Confirm:$false | Start-LiveChannel -PassThru -Confirm:$false
        # Channel A: two ended sessions and a live one; channel B: one live session.
        foreach ($round in 1..2) {
            Publish-TestSigmaEncoder -Channel $channels[0]
            Stop-TestSigmaEncoder -Channel $channels[0]
        }
        Publish-TestSigmaEncoder -Channel $channels[0]
        Publish-TestSigmaEncoder -Channel $channels[1]
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'lists the sessions of a piped channel, newest first' {
        $sessions = $channels[0] | Get-LiveSession
        @($sessions).Count | Should -Be 3
        $sessions.ChannelId | Select-Object -Unique | Should -Be $channels[0].Id
        $sessions[0].Status | Should -Be 'live'
        $sessions[0].Connection | Should -Be $sigma
        $sessions[0].PSTypeNames | Should -Contain 'LiveStream.Model.LiveSession'
    }

    It 'lists the sessions of channel ids piped as strings and typed positionally' {
        @($channels[1].Id | Get-LiveSession).Count | Should -Be 1
        @(Get-LiveSession $channels[0].Id).Count | Should -Be 3
    }

    It 'reads the ChannelId column of Import-Csv and of ConvertFrom-Json' {
        $csv = Join-Path $TestDrive 'channels.csv'
        $channels | Select-Object ChannelId, Name | Export-Csv -LiteralPath $csv
        @(Import-Csv -LiteralPath $csv | Get-LiveSession).Count | Should -Be 4
        @('{"ChannelId":"' + $channels[1].Id + '"}' | ConvertFrom-Json | Get-LiveSession).Count | Should -Be 1
    }

    It 'filters by -Status, orders with -Oldest and pages with -First/-Skip' {
        @(Get-LiveSession -ChannelId $channels[0].Id -Status ended).Count | Should -Be 2
        $oldestFirst = Get-LiveSession -ChannelId $channels[0].Id -Oldest
        $oldestFirst[-1].Status | Should -Be 'live'
        $page = Get-LiveSession -ChannelId $channels[0].Id -Oldest -Skip 1 -First 1
        @($page).Count | Should -Be 1
        $page.Id | Should -Be $oldestFirst[1].Id
        @(Get-LiveSession -First 2).Count | Should -Be 2
    }

    It 'filters by creation time with -After and -Before, local times as typed' {
        $hourAgo = (Get-Date).AddHours(-1)
        @(Get-LiveSession -ChannelId $channels[0].Id -After $hourAgo).Count | Should -Be 3
        @(Get-LiveSession -ChannelId $channels[0].Id -Before $hourAgo).Count | Should -Be 0
        @(Get-LiveSession -ChannelId $channels[0].Id -After $hourAgo.ToString('yyyy-MM-dd HH:mm:ss')).Count | Should -Be 3
    }

    It 'gets sessions by -Id (alias -SessionId), and NotFound for an unknown one' {
        $live = Get-LiveSession -ChannelId $channels[1].Id -First 1
        (Get-LiveSession -Id $live.Id).Id | Should -Be $live.Id
        (Get-LiveSession -SessionId $live.Id).ChannelId | Should -Be $channels[1].Id
        $unknown = [guid]::NewGuid().ToString()
        Get-LiveSession -Id $unknown -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be "LiveStream.NotFound|ObjectNotFound|$unknown"
    }

    It 'refuses a malformed channel id or session id with InvalidId before any request' {
        Get-LiveSession -ChannelId 'Sessions A' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-LiveSession -Id 'abc' -ErrorVariable failed2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary ($failed + $failed2) | Should -Be 'LiveStream.InvalidId|InvalidArgument|Sessions A', 'LiveStream.InvalidId|InvalidArgument|abc'
        Get-RequestCount | Should -Be 0
    }

    It 'maps the vendor answering <Status> to <ErrorId> (<Category>)' -ForEach @(
        @{ Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
    ) {
        try {
            Add-EmulatorFault @{ pathPattern = '^/api/livestream/sessions'; kind = 'Status'; status = $Status }
            $channels[0] | Get-LiveSession -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorSummary $failed | Should -Be "$ErrorId|$Category|$($channels[0].Id)"
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses an unrelated piped object with a binding error, sending nothing' {
        Get-Date | Get-LiveSession -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'ParameterArgumentTransformationError'
        Get-RequestCount | Should -Be 0
    }
}

Describe 'Get-LiveSession with a Theta connection (Sigma only)' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }

    It 'ends with NotConnected when there is no Sigma connection' {
        $theta = Connect-TestTheta -PassThru
        { Get-LiveSession } | Should -Throw -ErrorId 'LiveStream.NotConnected,*'
        { Get-LiveSession -Connection $theta } | Should -Throw -ErrorId 'LiveStream.WrongVendor,*'
        $stream = New-LiveChannel -Name 'Theta stream' -Confirm:$false
        { $stream | Get-LiveSession } | Should -Throw -ErrorId 'LiveStream.WrongVendor,*'
    }
}
