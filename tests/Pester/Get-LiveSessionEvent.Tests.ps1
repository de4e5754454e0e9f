BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force; Initialize-LiveStreamTest

    function New-LiveTestChannel {
        # A started channel with a live session; returns the channel as read before the publish, and the session.
        param([string] $Name = 'events-1')
        $channel = New-LiveChannel -Name $Name | Start-LiveChannel -PassThru
        Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $channel.Id })
        $session = $channel | Wait-LiveChannel -State Live -TimeoutSec 10
        [pscustomobject] @{ Channel = $channel; Session = $session }
    }
}

Describe 'Get-LiveSessionEvent' {
    BeforeEach {
        Reset-Emulator
        Connect-TestSigma -Name sigma
    }
    AfterEach { Get-LiveStreamConnection | Disconnect-LiveStream }

    Context 'a piped channel' {
        It 'reads the current session of a channel read before the broadcast, not its name as a session id' {
            $live = New-LiveTestChannel
            $live.Channel.CurrentSessionId | Should -BeNullOrEmpty

            $events = @($live.Channel | Get-LiveSessionEvent -ErrorVariable problems)

            $problems | Should -BeNullOrEmpty
            $events.Action | Should -Be @('initialize', 'start', 'stable')
            $events.SessionId | Sort-Object -Unique | Should -Be $live.Session.Id
            # The form of the vendor document's events call: q={"$and":[{"sessionId":"<id>"}]}.
            $documented = [WildcardPattern]::Escape("q={`"`$and`":[{`"sessionId`":`"$($live.Session.Id)`"}]}&")
            @(Get-EmulatorRequest -PathLike '*/events' -QueryLike "*$documented*").Count | Should -Be 1
        }

        It 'reads the latest session of a channel whose broadcast has ended' {
            $live = New-LiveTestChannel
            $live.Channel | Stop-LiveChannel

            $events = @(Get-LiveSessionEvent -ChannelId $live.Channel.Id)

            $events[-1].Action | Should -Be 'ended'
            $events.SessionId | Sort-Object -Unique | Should -Be $live.Session.Id
        }

        It 'refuses an object that is neither a session nor a channel instead of binding its text' {
            { Get-Date | Get-LiveSessionEvent -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
            Get-EmulatorRequest -PathLike '*/events' | Should -BeNullOrEmpty
        }

        It 'says a Theta stream has no sessions' {
            $theta = Connect-TestTheta -Name theta -PassThru
            $stream = New-LiveChannel -Name 'theta-events' -Connection $theta

            $stream | Get-LiveSessionEvent -ErrorVariable problems -ErrorAction SilentlyContinue

            Get-ErrorIds $problems | Should -Be 'LiveStream.NotSupported'
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $problems[0].TargetObject.Id | Should -Be $stream.Id
        }
    }

    Context '-Follow' {
        It 'emits each of 1,100 events exactly once and in order while the emulator adds them, and ends after ended' {
            $live = New-LiveTestChannel
            $steps = @(1..11 | ForEach-Object { @{ afterMs = 60; action = 'events'; count = 100; channelId = $live.Channel.Id } }) +
                @(@{ afterMs = 60; action = 'unpublish'; channelId = $live.Channel.Id })
            Clear-EmulatorRequest
            Invoke-EmulatorSchedule -Steps $steps

            $followed = @($live.Session | Get-LiveSessionEvent -Follow -TimeoutSec 60 -ErrorVariable problems)

            $problems | Should -BeNullOrEmpty
            $all = @(Get-LiveSessionEvent -SessionId $live.Session.Id)
            $all.Count | Should -Be 1104
            $followed.Count | Should -Be $all.Count
            @($followed.Id | Sort-Object -Unique).Count | Should -Be $followed.Count
            ($followed.Id -join ',') | Should -Be ($all.Id -join ',')
            $followed[-1].Action | Should -Be 'ended'
            # It read while the events were being added: more than one poll, each asking only for what is new.
            @(Get-EmulatorRequest -PathLike '*/events' -QueryLike '*$gte*').Count | Should -BeGreaterThan 1
        }

        It 'keeps -Action to the events asked for and still ends with the session' {
            $live = New-LiveTestChannel
            Invoke-EmulatorSchedule -Steps @(
                @{ afterMs = 100; action = 'interrupt'; channelId = $live.Channel.Id },
                @{ afterMs = 100; action = 'restore'; channelId = $live.Channel.Id },
                @{ afterMs = 100; action = 'interrupt'; channelId = $live.Channel.Id },
                @{ afterMs = 100; action = 'unpublish'; channelId = $live.Channel.Id })

            $alerts = @($live.Session | Get-LiveSessionEvent -Follow -Action interrupted -TimeoutSec 30)

            $alerts.Action | Should -Be @('interrupted', 'interrupted')
        }

        It 'rides out an outage of the service until its time runs out' {
            Disconnect-LiveStream -Name sigma
            Connect-TestSigma -Name sigma -Extra @{ MaxRetries = 0 }
            $live = New-LiveTestChannel
            Invoke-EmulatorSchedule -Steps @(
                @{ afterMs = 0; action = 'outage'; durationMs = 1500 },
                @{ afterMs = 0; action = 'interrupt'; channelId = $live.Channel.Id },
                @{ afterMs = 200; action = 'unpublish'; channelId = $live.Channel.Id })

            $followed = @($live.Session | Get-LiveSessionEvent -Follow -TimeoutSec 20 -ErrorVariable problems)

            $problems | Should -BeNullOrEmpty
            $followed.Action | Should -Be @('initialize', 'start', 'stable', 'interrupted', 'ended')
        }

        It 'ends on -TimeoutSec without an error while the session goes on' {
            $live = New-LiveTestChannel

            $followed = @($live.Session | Get-LiveSessionEvent -Follow -TimeoutSec 1 -ErrorVariable problems)

            $problems | Should -BeNullOrEmpty
            $followed.Action | Should -Be @('initialize', 'start', 'stable')
        }

        It 'follows a channel from its current session to the next one, until the channel is stopped' {
            $channel = New-LiveChannel -Name 'events-next' | Start-LiveChannel -PassThru
            Invoke-EmulatorSchedule -Steps @(
                @{ afterMs = 100; action = 'publish'; channelId = $channel.Id },
                @{ afterMs = 100; action = 'unpublish'; channelId = $channel.Id },
                @{ afterMs = 300; action = 'publish'; channelId = $channel.Id },
                @{ afterMs = 100; action = 'interrupt'; channelId = $channel.Id },
                @{ afterMs = 100; action = 'stop'; channelId = $channel.Id })

            $followed = @($channel | Get-LiveSessionEvent -Follow -TimeoutSec 30 -ErrorVariable problems)

            $problems | Should -BeNullOrEmpty
            $sessions = @(Get-LiveSession -ChannelId $channel.Id -Oldest)
            $sessions.Count | Should -Be 2
            @($followed.SessionId | Select-Object -Unique) | Should -Be $sessions.Id
            $followed.Action | Should -Be @('initialize', 'start', 'stable', 'ended', 'initialize', 'start', 'stable', 'interrupted', 'ended')
        }

        It 'says at once that a channel that is not started has nothing to follow' {
            $channel = New-LiveChannel -Name 'events-idle'

            $followed = @($channel | Get-LiveSessionEvent -Follow -TimeoutSec 30 -ErrorVariable problems -ErrorAction SilentlyContinue)

            $followed | Should -BeNullOrEmpty
            Get-ErrorIds $problems | Should -Be 'LiveStream.NoSession'
            $problems[0].Exception.Message | Should -Match 'Start-LiveChannel'
            @(Get-EmulatorRequest -PathLike "*/channels/$($channel.Id)" -Method GET).Count | Should -Be 1
        }

        It 'stops on Ctrl+C, having written what it had read' {
            $live = New-LiveTestChannel
            $connection = Get-LiveStreamConnection -Name sigma
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($SessionId, $Connection)
                        Import-Module LiveStream
                        Get-LiveSessionEvent -SessionId $SessionId -Connection $Connection -Follow
                    }).AddArgument($live.Session.Id).AddArgument($connection)
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $null = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                Wait-EmulatorCondition -Condition { $output.Count -ge 3 } -What 'the first three events'

                $shell.Stop()

                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
                @($output).Action | Should -Be @('initialize', 'start', 'stable')
            }
            finally { $shell.Dispose() }
        }

        It 'cannot be combined with -Descending' {
            { Get-LiveSessionEvent -SessionId ([guid]::NewGuid()) -Follow -Descending -ErrorAction Stop } |
                Should -Throw -ErrorId 'LiveStream.InvalidArgument*'
        }
    }
}
