BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

Describe 'Connect-LiveStream' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Clear-EmulatorRequest
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'connects each vendor and writes the connection with -PassThru' {
        $sigma = Connect-TestSigma -PassThru
        $theta = Connect-TestTheta -PassThru
        $sigma.Vendor | Should -Be 'Sigma'
        $theta.Vendor | Should -Be 'Theta'
        @(Get-LiveStreamConnection) | Should -HaveCount 2
    }

    It 'hides how clients are made from users (no public Create*Client or factory methods)' {
        $connection = Connect-TestSigma -PassThru
        $methods = @($connection | Get-Member -MemberType Method).Name
        $methods | Should -Not -Contain 'CreateSigmaClient'
        $methods | Should -Not -Contain 'CreateThetaClient'
        @($connection.GetType().GetMethods() | Where-Object { $_.IsStatic -and $_.IsPublic }).Name |
            Should -Not -Contain 'ForSigma'
    }
}

Describe 'Running Connect-LiveStream -Name X again' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'keeps objects read through the earlier X working, through the new X' {
        Connect-TestSigma -Name 'show'
        $channel = New-LiveChannel -Name 'rerun' -Confirm:$false
        Connect-TestSigma -Name 'show'
        $again = $channel | Get-LiveChannel -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $again.Id | Should -Be $channel.Id
        $again.Connection | Should -Be (Get-LiveStreamConnection -Name 'show')
        $channel | Start-LiveChannel -Confirm:$false -ErrorVariable startFailures
        $startFailures | Should -BeNullOrEmpty
    }

    It 'keeps a connection variable of the earlier X working' {
        $first = Connect-TestSigma -Name 'show' -PassThru
        Connect-TestSigma -Name 'show'
        { Get-LiveChannel -Connection $first -ErrorAction Stop } | Should -Not -Throw
    }

    It 'does not send objects of the earlier account to another account of the same name' {
        Connect-TestTheta -Account a -Name 'show'
        $stream = New-LiveChannel -Name 'account a stream' -Confirm:$false
        Connect-TestTheta -Account b -Name 'show'
        Clear-EmulatorRequest
        $stream | Get-LiveChannel -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.NotConnected'
        @(Get-EmulatorRequest) | Should -HaveCount 0
    }

    It 'does not revive a connection that was disconnected and not made again' {
        Connect-TestSigma -Name 'show'
        $channel = New-LiveChannel -Name 'gone' -Confirm:$false
        Disconnect-LiveStream -Name 'show'
        $channel | Get-LiveChannel -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.NotConnected'
    }
}

Describe 'Connect-LiveStream refuses what it cannot use, before any request' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Clear-EmulatorRequest
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'refuses a base URI with user info and never prints its password' {
        $base = Get-TestBaseUri
        $withUser = "http://someone:hunter2-password@$($base.Authority)/"
        $caught = $null
        $output = try {
            Connect-LiveStream -Theta -Credential (Get-ThetaTestCredential) -BaseUri $withUser -Verbose -WhatIf *>&1 | Out-String
        }
        catch { $caught = $_ }
        Get-ErrorIds $caught | Should -Be 'LiveStream.InvalidBaseUri'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $text = "$output" + ($caught | Out-String) + ($caught.TargetObject | Out-String) + $caught.Exception.Message
        $text | Should -Not -Match 'hunter2'
        @(Get-LiveStreamConnection) | Should -HaveCount 0
        @(Get-EmulatorRequest) | Should -HaveCount 0
    }

    It 'refuses a Theta secret with <Case> as InvalidCredential' -TestCases @(
        @{ Case = 'a line break'; Secret = "theta-emulator-secret-a-000000001`r`nx-injected: 1" }
        @{ Case = 'non-ASCII characters'; Secret = 'theta-emulator-sécret-ä-000000001' }
    ) {
        $credential = New-TestCredential -UserName 'srvacc_emulator0000000000000000a' -Secret $Secret
        $caught = $null
        try { Connect-LiveStream -Theta -Credential $credential -BaseUri (Get-TestBaseUri) -ErrorAction Stop } catch { $caught = $_ }
        Get-ErrorIds $caught | Should -Be 'LiveStream.InvalidCredential'
        $caught.Exception.Message | Should -Not -Match 'sécret|injected'
        @(Get-EmulatorRequest) | Should -HaveCount 0
    }

    It 'refuses a Sigma user name with a colon (Basic authentication cannot carry it)' {
        $credential = New-TestCredential -UserName 'emulator:user' -Secret 'sigma-emulator-secret-key-0001'
        $caught = $null
        try {
            Connect-LiveStream -Sigma -AppId (Get-SigmaTestAppId) -Credential $credential -BaseUri (Get-TestBaseUri) -ErrorAction Stop
        }
        catch { $caught = $_ }
        Get-ErrorIds $caught | Should -Be 'LiveStream.InvalidCredential'
        @(Get-EmulatorRequest) | Should -HaveCount 0
    }

    It 'connects Sigma with a non-ASCII secret key (sent as UTF-8 in the Basic token)' {
        $credential = New-TestCredential -UserName 'emulator-user' -Secret 'sécret'
        Connect-LiveStream -Sigma -AppId (Get-SigmaTestAppId) -Credential $credential -BaseUri (Get-TestBaseUri) `
            -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.AuthenticationFailed'
    }
}

Describe 'Connect-LiveStream -Debug in a non-interactive pwsh' {
    It 'writes its -PassThru object and its debug and verbose messages, with no prompt' {
        $run = Invoke-NewPwsh -Script ((Get-TestConnectScript) + @'
$connection = Connect-LiveStream -Theta -Credential ([pscredential]::new('srvacc_emulator0000000000000000a', (ConvertTo-SecureString 'theta-emulator-secret-a-000000001' -AsPlainText -Force))) -BaseUri $base -PassThru -Debug 5>&1 4>&1 |
    ForEach-Object { if ($_ -is [System.Management.Automation.DebugRecord]) { $script:debug++ } elseif ($_ -is [System.Management.Automation.VerboseRecord]) { $script:verbose++ } else { $_ } }
"passthru=$($connection.Vendor) debug=$($script:debug -gt 0) verbose=$($script:verbose -gt 0) errors=$($Error.Count)"
'@)
        $run.Output | Should -Match 'passthru=Theta debug=True verbose=True errors=0'
        $run.Output + $run.Error | Should -Not -Match 'NonInteractive'
    }
}

Describe 'A connection handed to parallel runspaces' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'works with ForEach-Object -Parallel and -Connection $using:, as documented' {
        $sigma = Connect-TestSigma -PassThru
        $made = @('parallel one', 'parallel two', 'parallel three' |
            ForEach-Object -Parallel { New-LiveChannel -Name $_ -Connection $using:sigma -Confirm:$false } -ThrottleLimit 3)
        $made | Should -HaveCount 3
        ($made | ForEach-Object { $_.Connection.Name } | Sort-Object -Unique) | Should -Be 'Sigma'
        @(Get-LiveChannel -Name 'parallel *') | Should -HaveCount 3
    }
}
