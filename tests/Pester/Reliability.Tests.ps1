# What about_LiveStream_Reliability promises, as a user meets it in pwsh: desired-state Start/Stop, changes whose answer
# was lost, creates that did happen, and lists that end.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    # The requests on the wire, one object each (Invoke-RestMethod writes a JSON array as one object).
    function Get-EmulatorRequest([string] $PathLike = '*', [string] $Method = '*') {
        @(Invoke-EmulatorControl -Path requests -Method GET | ForEach-Object { $_ }) |
            Where-Object { $_.path -like $PathLike -and $_.method -like $Method }
    }

    function Get-VerboseText($Records) {
        @($Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
    }
}

AfterAll {
    Reset-Emulator
    Get-LiveStreamConnection | Disconnect-LiveStream
}

Describe 'Start-LiveChannel and Stop-LiveChannel are desired-state' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name sigma
    }

    It 'stops every listed channel, idle ones included, without an error under ErrorActionPreference Stop' {
        $channels = 'idle-one', 'live-one', 'idle-two' | New-LiveChannel
        $channels[1] | Start-LiveChannel

        $ErrorActionPreference = 'Stop'
        $verbose = Get-LiveChannel | Stop-LiveChannel -Verbose 4>&1

        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'not running' }).Count |
            Should -Be 2
        @(Get-LiveChannel).Status | Sort-Object | Should -Be @('idle', 'idle', 'stop')
    }

    It 'starts a channel that is active already as success, and a runbook finally block never throws' {
        $channel = New-LiveChannel -Name show
        $ErrorActionPreference = 'Stop'
        try {
            $channel | Start-LiveChannel
            $again = $channel | Start-LiveChannel -PassThru -Verbose 4>&1
        }
        finally {
            $channel | Stop-LiveChannel
            $channel | Stop-LiveChannel
        }

        Get-VerboseText $again | Should -Match 'already active'
        ($again | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Status | Should -Be 'active'
        (Get-LiveChannel -Id $channel.Id).Status | Should -Be 'stop'
    }

    It 'stops a Theta stream without an Edge Ingestor as success' {
        Connect-TestTheta -Name theta
        $stream = New-LiveChannel -Name stage -Connection (Get-LiveStreamConnection -Name theta)

        $ErrorActionPreference = 'Stop'
        $out = $stream | Stop-LiveChannel -Verbose 4>&1

        Get-VerboseText $out | Should -Match 'nothing was sent to release'
    }
}

Describe 'A change whose answer is lost after the vendor acted' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name sigma
    }

    It 'is success for start, stop and remove, and the emulator shows each done' {
        $channel = New-LiveChannel -Name lost-answers
        Add-EmulatorFault @{ pathPattern = '/start$'; kind = 'DropAfter'; count = 1 }
        Add-EmulatorFault @{ pathPattern = '/stop$'; kind = 'DropAfter'; count = 1 }
        Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels/[^/]+$'; method = 'DELETE'; kind = 'DropAfter'; count = 1 }

        $ErrorActionPreference = 'Stop'
        $channel | Start-LiveChannel
        $channel | Stop-LiveChannel
        $channel | Remove-LiveChannel -Confirm:$false

        @(Get-EmulatorRequest -PathLike "*/$($channel.Id)" -Method DELETE).Count | Should -Be 2
        Get-LiveChannel | Should -BeNullOrEmpty
    }

    It 'keeps NotFound for a plain remove of an id that never existed' {
        $id = [guid]::NewGuid().ToString()

        Remove-LiveChannel -Id $id -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        Get-ErrorIds $failed | Should -Be 'LiveStream.NotFound'
        $failed[0].TargetObject | Should -Be $id
    }
}

Describe 'A create that did happen' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name sigma
    }

    It 'returns the channel with a warning when the answer is a <kind> <status> page' -ForEach @(
        @{ kind = 'Html'; status = 502 }, @{ kind = 'Html'; status = 504 }, @{ kind = 'Truncated'; status = 201 }
    ) {
        Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels$'; method = 'POST'; kind = $kind; status = $status; count = 1 }

        $channel = New-LiveChannel -Name evening -WarningVariable warned -WarningAction SilentlyContinue

        $channel.Name | Should -Be 'evening'
        $warned | Should -Match 'was not sent twice'
        @(Get-EmulatorRequest -PathLike '/api/livestream/channels' -Method POST).Count | Should -Be 1
        @(Get-LiveChannel).Id | Should -Be $channel.Id
    }

    It 'does not return an earlier channel of the same name, and says what to check' {
        $first = New-LiveChannel -Name weekly-show
        Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels$'; method = 'POST'; kind = 'Drop'; count = 1 }

        $second = New-LiveChannel -Name weekly-show -ErrorVariable failed -ErrorAction SilentlyContinue

        $second | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be 'LiveStream.OutcomeUnknown'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("Get-LiveChannel -Name 'weekly-show'"))
        "$($failed[0])", $failed[0].ErrorDetails.RecommendedAction | Should -Not -Match 'retry'
        @(Get-LiveChannel).Id | Should -Be $first.Id
    }
}

Describe 'Lists that end' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name sigma
    }

    It 'Get-LiveChannel | Remove-LiveChannel on a service that ignores page removes each channel once and ends' {
        $null = 'a', 'b', 'c' | New-LiveChannel
        # Deletes are refused, so the listed channels stay and a list that ignores page would show them forever.
        Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels$'; method = 'GET'; kind = 'IgnorePage'; total = 1000; perPage = 3 }
        Add-EmulatorFault @{ pathPattern = '^/api/livestream/channels/[^/]+$'; method = 'DELETE'; kind = 'Status'; status = 409 }
        Clear-EmulatorRequest

        Get-LiveChannel -ErrorVariable listFailed -ErrorAction SilentlyContinue | Select-Object -First 30 |
            Remove-LiveChannel -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        @(Get-EmulatorRequest -Method DELETE).Count | Should -Be 3
        Get-ErrorIds $failed | Should -Be @('LiveStream.Conflict', 'LiveStream.Conflict', 'LiveStream.Conflict')
        Get-ErrorIds $listFailed | Should -Be 'LiveStream.InvalidResponse'
        $listFailed[0].Exception.Message | Should -Match 'GET /api/livestream/channels'
    }
}
