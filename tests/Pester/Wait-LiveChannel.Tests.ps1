BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force; Initialize-LiveStreamTest
}

Describe 'Wait-LiveChannel' {
    BeforeEach {
        Reset-Emulator
        Connect-TestSigma -Name sigma
    }
    AfterEach { Get-LiveStreamConnection | Disconnect-LiveStream }

    Context 'Sigma' {
        It 'waits on 20 channels at once: 17 sessions as they go live, 3 WaitTimeout records in input order' {
            $channels = @(1..20 | ForEach-Object { New-LiveChannel -Name ('event-{0:00}' -f $_) })
            $silent = 'event-04', 'event-11', 'event-17'
            Set-EmulatorEncoderScript -DelayMs 200 -Steps @() -Silent $silent

            $sessions = @($channels | Start-LiveChannel -PassThru |
                Wait-LiveChannel -State Live -TimeoutSec 4 -ErrorVariable problems -ErrorAction SilentlyContinue)

            $sessions.Count | Should -Be 17
            $sessions.Status | Sort-Object -Unique | Should -Be 'live'
            ($sessions.ChannelId | Sort-Object) | Should -Be ($channels | Where-Object Name -notin $silent | ForEach-Object Id | Sort-Object)
            Get-ErrorIds $problems | Should -Be (@('LiveStream.WaitTimeout') * 3)
            $problems.TargetObject | Should -Be ($channels | Where-Object Name -in $silent | ForEach-Object Id)
            $problems[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $problems[0].Exception.Message | Should -Match "'event-04'"
        }

        It 'fails at once for a channel that is idle or stopped, saying to start it, without polling' {
            $idle = New-LiveChannel -Name 'wait-idle'
            $stopped = New-LiveChannel -Name 'wait-stopped' | Start-LiveChannel -PassThru | Stop-LiveChannel -PassThru
            Clear-EmulatorRequest

            $idle, $stopped | Wait-LiveChannel -TimeoutSec 600 -ErrorVariable problems -ErrorAction SilentlyContinue

            Get-ErrorIds $problems | Should -Be @('LiveStream.NotStarted', 'LiveStream.NotStarted')
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            # Each record comes as soon as its channel's first read answers, so the two come in either order.
            $problems.TargetObject | Sort-Object | Should -Be (@($idle.Id, $stopped.Id) | Sort-Object)
            $problems[0].Exception.Message | Should -Match 'Start-LiveChannel'
            @(Get-EmulatorRequest -PathLike "*/channels/$($idle.Id)").Count | Should -Be 1
            @(Get-EmulatorRequest -PathLike "*/channels/$($stopped.Id)").Count | Should -Be 1
        }

        It 'rides out an outage of a quarter of its time (30 s in 120 s, scaled down)' {
            Disconnect-LiveStream -Name sigma
            Connect-TestSigma -Name sigma -Extra @{ MaxRetries = 0 }
            $channel = New-LiveChannel -Name 'wait-outage' | Start-LiveChannel -PassThru
            Invoke-EmulatorSchedule -Steps @(
                @{ afterMs = 0; action = 'outage'; durationMs = 2000 },
                @{ afterMs = 0; action = 'publish'; channelId = $channel.Id })

            $session = $channel | Wait-LiveChannel -State Live -TimeoutSec 8 -ErrorVariable problems

            $problems | Should -BeNullOrEmpty
            $session.ChannelId | Should -Be $channel.Id
            $session.Status | Should -Be 'live'
        }

        It 'waits for the broadcast to end' {
            $channel = New-LiveChannel -Name 'wait-end' | Start-LiveChannel -PassThru
            Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $channel.Id })
            $live = $channel | Wait-LiveChannel -TimeoutSec 10
            Invoke-EmulatorSchedule -Steps @(@{ afterMs = 300; action = 'unpublish'; channelId = $channel.Id })

            $ended = $channel | Wait-LiveChannel -State Ended -TimeoutSec 10

            $ended.Id | Should -Be $live.Id
            $ended.Status | Should -Be 'ended'
        }

        It 'shows one progress bar with counts and the names still pending' {
            $channels = @('night-a', 'night-b' | ForEach-Object { New-LiveChannel -Name $_ | Start-LiveChannel -PassThru })
            $connection = Get-LiveStreamConnection -Name sigma
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($Ids, $Connection)
                        Import-Module LiveStream
                        $ProgressPreference = 'Continue'
                        Wait-LiveChannel -Id $Ids -Connection $Connection -TimeoutSec 1 -ErrorAction SilentlyContinue
                    }).AddArgument([string[]] $channels.Id).AddArgument($connection)
                $null = $shell.Invoke()
                $progress = @($shell.Streams.Progress | Where-Object RecordType -ne 'Completed')
                $shell.Streams.Error | Where-Object FullyQualifiedErrorId -notlike 'LiveStream.WaitTimeout*' | Should -BeNullOrEmpty
            }
            finally { $shell.Dispose() }

            $progress | Should -Not -BeNullOrEmpty
            @($progress.ActivityId | Sort-Object -Unique).Count | Should -Be 1
            $progress[0].Activity | Should -Be 'Waiting for 2 channels to be live'
            # Each channel shows by its name once it has been read, and is counted before that.
            $progress[0].StatusDescription | Should -Match '^0 of 2 live; waiting for (night-a, night-b|night-a and 1 more|night-b and 1 more)$'
            @($progress.StatusDescription -match '^0 of 2 live; waiting for night-a, night-b$').Count | Should -BeGreaterThan 0
            $progress.StatusDescription -join ' ' | Should -Not -Match '[0-9a-f]{8}-[0-9a-f]{4}'
        }
    }

    Context 'Theta' {
        BeforeEach {
            $script:theta = Connect-TestTheta -Name theta -PassThru
        }

        It 'waits until a stream is on, and then until it is off again' {
            $stream = New-LiveChannel -Name 'theta-wait' -Connection $theta
            $null = Select-EdgeIngestor -ChannelId $stream.Id -Connection $theta
            Invoke-EmulatorSchedule -Steps @(@{ afterMs = 300; action = 'publish'; streamId = $stream.Id })

            $on = $stream | Wait-LiveChannel -State Live -TimeoutSec 10 -ErrorVariable problems

            $problems | Should -BeNullOrEmpty
            $on.Id | Should -Be $stream.Id
            $on.Status | Should -Be 'on'

            Invoke-EmulatorSchedule -Steps @(@{ afterMs = 300; action = 'unpublish'; streamId = $stream.Id })
            $off = $stream | Wait-LiveChannel -State Ended -TimeoutSec 10

            $off.Status | Should -Be 'off'
        }

        It 'fails at once for a stream with no Edge Ingestor selected' {
            $stream = New-LiveChannel -Name 'theta-bare' -Connection $theta

            $stream | Wait-LiveChannel -TimeoutSec 600 -ErrorVariable problems -ErrorAction SilentlyContinue

            Get-ErrorIds $problems | Should -Be 'LiveStream.NotStarted'
            $problems[0].Exception.Message | Should -Match 'Select-EdgeIngestor'
            @(Get-EmulatorRequest -PathLike "/stream/$($stream.Id)").Count | Should -Be 1
        }

        It 'waits on Sigma and Theta channels in one call' {
            $stream = New-LiveChannel -Name 'theta-mixed' -Connection $theta
            $null = Select-EdgeIngestor -ChannelId $stream.Id -Connection $theta
            $channel = New-LiveChannel -Name 'sigma-mixed' -Connection (Get-LiveStreamConnection -Name sigma) | Start-LiveChannel -PassThru
            Invoke-EmulatorSchedule -Steps @(
                @{ afterMs = 200; action = 'publish'; streamId = $stream.Id },
                @{ afterMs = 0; action = 'publish'; channelId = $channel.Id })

            $reached = @($stream, $channel | Wait-LiveChannel -TimeoutSec 10)

            $reached.Count | Should -Be 2
            ($reached | Where-Object { $_.GetType().Name -eq 'LiveChannel' }).Status | Should -Be 'on'
            ($reached | Where-Object { $_.GetType().Name -eq 'LiveSession' }).Status | Should -Be 'live'
        }
    }
}
