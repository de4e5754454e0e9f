BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force; Initialize-LiveStreamTest
}

Describe 'Get-LiveSessionStatus' {
    BeforeEach {
        Reset-Emulator
        Connect-TestSigma -Name sigma
    }
    AfterEach { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'reports live for a channel object read before its broadcast began' {
        $channel = New-LiveChannel -Name 'status-1' | Start-LiveChannel -PassThru
        Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $channel.Id })
        $session = $channel | Wait-LiveChannel -TimeoutSec 10
        $channel.CurrentSessionId | Should -BeNullOrEmpty

        $status = $channel | Get-LiveSessionStatus -ErrorVariable problems

        $problems | Should -BeNullOrEmpty
        $status.Status | Should -Be 'live'
        $status.SessionId | Should -Be $session.Id
    }

    It 'reads -ChannelId the same way' {
        $channel = New-LiveChannel -Name 'status-2' | Start-LiveChannel -PassThru
        Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $channel.Id })
        $null = $channel | Wait-LiveChannel -TimeoutSec 10

        (Get-LiveSessionStatus -ChannelId $channel.Id).Status | Should -Be 'live'
    }

    It 'gives one NoSession record per channel that is not broadcasting, naming the channel, and goes on' {
        $idle = New-LiveChannel -Name 'status-idle'
        $live = New-LiveChannel -Name 'status-live' | Start-LiveChannel -PassThru
        Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $live.Id })
        $null = $live | Wait-LiveChannel -TimeoutSec 10

        $statuses = @($idle, $live | Get-LiveSessionStatus -ErrorVariable problems -ErrorAction SilentlyContinue)

        $statuses.Status | Should -Be 'live'
        Get-ErrorIds $problems | Should -Be 'LiveStream.NoSession'
        $problems[0].TargetObject.Name | Should -Be 'status-idle'
        $problems[0].Exception.Message | Should -Match 'Wait-LiveChannel'
    }

    It 'takes sessions and their events by their SessionId' {
        $channel = New-LiveChannel -Name 'status-3' | Start-LiveChannel -PassThru
        Invoke-EmulatorSchedule -Steps @(@{ action = 'publish'; channelId = $channel.Id })
        $session = $channel | Wait-LiveChannel -TimeoutSec 10

        ($session | Get-LiveSessionStatus).Status | Should -Be 'live'
        (Get-LiveSessionEvent -SessionId $session.Id -First 1 | Get-LiveSessionStatus).SessionId | Should -Be $session.Id
    }

    It 'does not take the text of an unrelated object as a session id' {
        { Get-Date | Get-LiveSessionStatus -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        Get-EmulatorRequest -PathLike '*/status' | Should -BeNullOrEmpty
    }

    It 'says a Theta stream has no sessions' {
        $theta = Connect-TestTheta -Name theta -PassThru
        $stream = New-LiveChannel -Name 'theta-status' -Connection $theta

        $stream | Get-LiveSessionStatus -ErrorVariable problems -ErrorAction SilentlyContinue

        Get-ErrorIds $problems | Should -Be 'LiveStream.NotSupported'
        $problems[0].Exception.Message | Should -Match 'on or off'
    }
}
