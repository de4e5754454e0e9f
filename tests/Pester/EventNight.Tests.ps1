BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force; Initialize-LiveStreamTest
    $script:runbook = Join-Path (Get-RepositoryRoot) 'examples/event-night.ps1'
}

Describe 'examples/event-night.ps1' {
    BeforeAll {
        Reset-Emulator
        Connect-TestSigma -Name setup
        $script:channels = @('event-a', 'event-b', 'event-c', 'rehearsal' | ForEach-Object { New-LiveChannel -Name $_ })
        # The encoder of event-a drops twice and comes back; event-b's once; event-c's never connects.
        Set-EmulatorEncoderScript -DelayMs 200 -Silent 'event-c' -Channels @{
            'event-a' = @(
                @{ afterMs = 300; action = 'interrupt' }, @{ afterMs = 200; action = 'restore' },
                @{ afterMs = 200; action = 'interrupt' }, @{ afterMs = 200; action = 'restore' })
            'event-b' = @(@{ afterMs = 400; action = 'interrupt' }, @{ afterMs = 300; action = 'restore' })
        }

        # A fresh -NonInteractive pwsh, as an Automation sandbox: any prompt would fail it. The stubs stand in for the
        # sandbox's asset cmdlets; the runbook itself runs unchanged. Objects come back as JSON lines.
        $script:run = Invoke-NewPwsh -TimeoutSec 90 -Script @"
`$ErrorActionPreference = 'Stop'
function Get-AutomationPSCredential { param([string] `$Name)
    if (`$Name -ne 'SigmaLivestream') { throw "unexpected credential asset `$Name" }
    [pscredential]::new('$(Get-SigmaTestCredential | ForEach-Object UserName)',
        (ConvertTo-SecureString -String '$((Get-SigmaTestCredential).GetNetworkCredential().Password)' -AsPlainText -Force)) }
function Get-AutomationVariable { param([string] `$Name)
    if (`$Name -ne 'SigmaAppId') { throw "unexpected variable asset `$Name" }
    '$(Get-SigmaTestAppId)' }
& '$runbook' -BaseUri `$env:LIVESTREAM_TEST_BASEURI -LiveTimeoutSec 3 -FollowSec 3 3>&1 | ForEach-Object {
    if (`$_ -is [string]) { "LINE `$_" }
    elseif (`$_ -is [System.Management.Automation.WarningRecord]) { "WARNING `$(`$_.Message)" }
    else { 'SUMMARY ' + (`$_ | Select-Object Channel, Session, @{ n = 'Seconds'; e = { `$_.Duration.TotalSeconds } }, Interruptions | ConvertTo-Json -Compress) }
}
"@
        $script:lines = @($run.Output -split "`r?`n" | Where-Object { $_ })
        $script:summary = @($lines | Where-Object { $_ -like 'SUMMARY *' } | ForEach-Object { $_.Substring(8) | ConvertFrom-Json })
    }
    AfterAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }

    It 'runs to its end in a non-interactive shell' {
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
    }

    It 'ends with one summary per channel of the night that matches what the emulator did' {
        $summary.Channel | Should -Be @('event-a', 'event-b', 'event-c')
        foreach ($row in $summary) {
            $channel = $channels | Where-Object Name -eq $row.Channel
            $sessions = @(Get-LiveSession -ChannelId $channel.Id -Oldest)
            $row.Session | Should -Be ($sessions.Id -join ', ')
            $row.Seconds | Should -Be (($sessions | ForEach-Object { $_.Duration.TotalSeconds } | Measure-Object -Sum).Sum + 0)
            $interrupted = @($sessions | Get-LiveSessionEvent -Action interrupted)
            $row.Interruptions | Should -Be $interrupted.Count
        }
        ($summary | Where-Object Channel -eq 'event-a').Interruptions | Should -Be 2
        ($summary | Where-Object Channel -eq 'event-b').Interruptions | Should -Be 1
        ($summary | Where-Object Channel -eq 'event-c').Session | Should -BeNullOrEmpty
    }

    It 'writes a line per interruption and reports the channel that did not go live' {
        @($lines | Where-Object { $_ -like 'LINE *event-a: signal interrupted*' }).Count | Should -Be 2
        @($lines | Where-Object { $_ -like 'LINE *event-b: signal interrupted*' }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like 'WARNING Not live: event-c.*LiveStream*' -or $_ -like 'WARNING Not live: event-c.*within 3 s*' }).Count | Should -Be 1
    }

    It 'stops every channel it started, and no other' {
        (Get-LiveChannel -Name 'event-*').Status | Sort-Object -Unique | Should -Be 'stop'
        (Get-LiveChannel -Name 'rehearsal').Status | Should -Be 'idle'
    }

    It 'is the runbook about_LiveStream shows' {
        $about = Get-Content -Raw (Join-Path (Get-RepositoryRoot) 'docs/about_LiveStream.md')
        $script = (Get-Content -Raw $runbook).Trim() -replace "`r`n", "`n"
        $about -replace "`r`n", "`n" | Should -Match ([regex]::Escape($script))
    }
}
