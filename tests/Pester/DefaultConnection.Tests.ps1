# Which connection a command uses when none is given: a create never guesses the vendor, a list reads every account.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

Describe 'A create with both vendors connected' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma
        Connect-TestTheta
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }
    BeforeEach { Clear-EmulatorRequest }

    It 'is refused before any request when nothing says which vendor, naming -Vendor and -Connection' {
        $caught = $null
        try { New-LiveChannel -Name 'Evening news' -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        Get-ErrorIds $caught | Should -Be 'LiveStream.AmbiguousConnection'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match '-Vendor Sigma'
        $caught.Exception.Message | Should -Match '-Connection'
        @(Get-EmulatorRequest -Method POST) | Should -HaveCount 0
    }

    It 'is refused for piped names too, once, with no stream made' {
        $caught = $null
        $output = try { 'a', 'b' | New-LiveChannel } catch { $caught = $_ }
        $output | Should -BeNullOrEmpty
        Get-ErrorIds $caught | Should -Be 'LiveStream.AmbiguousConnection'
        @(Get-EmulatorRequest -Method POST) | Should -HaveCount 0
    }

    It 'goes to Sigma when a Sigma-only parameter is given' {
        $channel = New-LiveChannel -Name 'Evening news' -Description 'the 8 pm show' -Confirm:$false
        $channel.Provider | Should -Be 'Sigma'
        $channel.Description | Should -Be 'the 8 pm show'
        $channel.Connection.Name | Should -Be 'Sigma'
    }

    It 'goes to the vendor that -Vendor names' {
        (New-LiveChannel -Name 'theta show' -Vendor Theta -Confirm:$false).Provider | Should -Be 'Theta'
        (New-LiveChannel -Name 'sigma show' -Vendor Sigma -Confirm:$false).Provider | Should -Be 'Sigma'
    }

    It 'refuses -Vendor Theta with a Sigma-only parameter before any request' {
        New-LiveChannel -Name 'x' -Vendor Theta -Description 'd' -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.ParameterNotSupported'
        @(Get-EmulatorRequest -Method POST) | Should -HaveCount 0
    }

    It 'refuses -Vendor that disagrees with -Connection' {
        $theta = Get-LiveStreamConnection -Name Theta
        { New-LiveChannel -Name 'x' -Vendor Sigma -Connection $theta -ErrorAction Stop } |
            Should -Throw -ErrorId 'LiveStream.WrongVendor,LiveStream.Commands.NewLiveChannelCommand'
    }
}

Describe 'A create with one vendor connected' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'uses Theta when only Theta accounts are connected' {
        Connect-TestTheta
        (New-LiveChannel -Name 'only theta' -Confirm:$false).Provider | Should -Be 'Theta'
    }

    It 'uses Sigma when only Sigma is connected' {
        Connect-TestSigma
        (New-LiveChannel -Name 'only sigma' -Confirm:$false).Provider | Should -Be 'Sigma'
    }

    It 'says NotConnected for -Vendor of a vendor with no connection' {
        Connect-TestTheta
        { New-LiveChannel -Name 'x' -Vendor Sigma -ErrorAction Stop } |
            Should -Throw -ErrorId 'LiveStream.NotConnected,LiveStream.Commands.NewLiveChannelCommand'
    }
}

Describe 'A list with no connection given' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma
        Connect-TestTheta -Account a -Name 'theta-a'
        Connect-TestTheta -Account b -Name 'theta-b'
        $null = New-LiveChannel -Name 'sigma one' -Vendor Sigma -Confirm:$false
        $null = New-LiveChannel -Name 'shared name' -Vendor Sigma -Confirm:$false
        $null = New-LiveChannel -Name 'stream a' -Connection 'theta-a' -Confirm:$false
        $null = New-LiveChannel -Name 'stream b' -Connection 'theta-b' -Confirm:$false
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'reads every connected account, each object naming its vendor and connection' {
        $channels = @(Get-LiveChannel)
        ($channels | Where-Object Name -EQ 'sigma one').Connection.Name | Should -Be 'Sigma'
        ($channels | Where-Object Name -EQ 'stream a').Connection.Name | Should -Be 'theta-a'
        ($channels | Where-Object Name -EQ 'stream a').Provider | Should -Be 'Theta'
        ($channels | Where-Object Name -EQ 'stream b').Connection.Name | Should -Be 'theta-b'
        @($channels | Group-Object { $_.Connection.Name }) | Should -HaveCount 3
    }

    It 'reads only the accounts of -Vendor' {
        $channels = @(Get-LiveChannel -Vendor Theta)
        $channels.Name | Should -Contain 'stream a'
        $channels.Name | Should -Contain 'stream b'
        $channels.Provider | Sort-Object -Unique | Should -Be 'Theta'
    }

    It 'reads only the accounts whose vendor has the -Status given' {
        $channels = @(Get-LiveChannel -Status Idle -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $channels.Name | Should -Contain 'sigma one'
        $channels.Provider | Sort-Object -Unique | Should -Be 'Sigma'
    }

    It 'finds an exact name on whichever account has it, with no NotFound from the others' {
        $found = @(Get-LiveChannel -Name 'stream b' -ErrorVariable failures)
        $found | Should -HaveCount 1
        $found[0].Connection.Name | Should -Be 'theta-b'
        $failures | Should -BeNullOrEmpty
    }

    It 'gives one NotFound for an exact name no account has' {
        $found = @(Get-LiveChannel -Name 'no such show' -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found | Should -HaveCount 0
        Get-ErrorIds $failures | Should -Be 'LiveStream.NotFound'
    }

    It 'counts -First across the accounts' {
        @(Get-LiveChannel -First 2) | Should -HaveCount 2
    }

    It 'refuses an id of neither form without guessing a vendor' {
        Get-LiveChannel -Id 'not-an-id' -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.InvalidId'
        $failures[0].Exception.Message | Should -Match 'GUID'
        $failures[0].Exception.Message | Should -Match 'stream_'
    }
}

Describe '-Connection by name and by several connections' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name 'sigma-1'
        Connect-TestSigma -Name 'sigma-2'
        Connect-TestTheta
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'takes a connection name' {
        $channel = New-LiveChannel -Name 'by name' -Connection 'sigma-1' -Confirm:$false
        $channel.Connection.Name | Should -Be 'sigma-1'
        (Get-LiveChannel -Connection sigma-2 -Name 'by name').Connection.Name | Should -Be 'sigma-2'
    }

    It 'refuses several connections where one is needed, naming them' {
        $caught = $null
        try { Get-LiveChannel -Connection (Get-LiveStreamConnection -Vendor Sigma) -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.Message | Should -Not -Match 'System.Object'
        $caught.Exception.Message | Should -Match 'sigma-1'
        $caught.Exception.Message | Should -Match 'sigma-2'
        $caught.Exception.Message | Should -Match '-Vendor'
    }

    It 'refuses an unknown connection name, saying how to list them' {
        $caught = $null
        try { Get-LiveChannel -Connection 'nope' -ErrorAction Stop } catch { $caught = $_ }
        $caught.Exception.Message | Should -Match "no connection named 'nope'"
        $caught.Exception.Message | Should -Match 'Get-LiveStreamConnection'
    }

    It 'takes a name on every cmdlet with -Connection' {
        $commands = Get-Command -Module LiveStream | Where-Object { $_.Parameters.ContainsKey('Connection') }
        foreach ($command in $commands) {
            $attribute = $command.Parameters['Connection'].Attributes |
                Where-Object { $_ -is [System.Management.Automation.ArgumentTransformationAttribute] }
            $attribute | Should -Not -BeNullOrEmpty -Because "$($command.Name) -Connection should take a name"
        }
    }
}
