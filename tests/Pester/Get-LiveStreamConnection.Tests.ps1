BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

Describe 'Get-LiveStreamConnection' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma -Name 'sigma-1'
        Connect-TestSigma -Name 'sigma-2'
        Connect-TestTheta
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'lists the connections, by name pattern and by vendor' {
        @(Get-LiveStreamConnection) | Should -HaveCount 3
        @(Get-LiveStreamConnection -Name 'sigma-*').Name | Should -Be 'sigma-1', 'sigma-2'
        @(Get-LiveStreamConnection -Vendor Theta).Name | Should -Be 'Theta'
    }

    It 'says ConnectionNotFound for a name without wildcards that matches nothing' {
        Get-LiveStreamConnection -Name 'nope' -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.ConnectionNotFound'
    }

    It 'refuses a malformed wildcard pattern with a clear record, not a WildcardPatternException' {
        $output = Get-LiveStreamConnection -Name '[' -ErrorVariable failures -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        Get-ErrorIds $failures | Should -Be 'LiveStream.InvalidPattern'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match '\['
    }

    It 'never shows a connection''s secret' {
        $text = (Get-LiveStreamConnection | Format-List * | Out-String) + (Get-LiveStreamConnection | Out-String)
        $text | Should -Not -Match 'sigma-emulator-secret-key-0001'
        $text | Should -Not -Match 'theta-emulator-secret-a'
    }
}

Describe 'Get-LiveChannel -Name with a malformed wildcard pattern' {
    BeforeAll {
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma
    }
    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'stops with InvalidPattern before any request, listing nothing' {
        Clear-EmulatorRequest
        $caught = $null
        try { Get-LiveChannel -Name '[' -ErrorAction Stop } catch { $caught = $_ }
        Get-ErrorIds $caught | Should -Be 'LiveStream.InvalidPattern'
        $caught.Exception.GetType().Name | Should -Not -Be 'WildcardPatternException'
        @(Get-EmulatorRequest) | Should -HaveCount 0
    }
}
