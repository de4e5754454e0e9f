# What an error says: what happened, then what to do, once; advice that fits the cmdlet it occurs in and names
# cmdlets and parameters that exist; ErrorIds and categories that scripts can rely on.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function Get-Shown {
        # The error as the console prints it, with the given $ErrorView.
        param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record, [string] $View = 'ConciseView')
        $ErrorView = $View
        # One line: ConciseView wraps the message at the console width behind "| ".
        (($Record | Out-String -Width 400) -replace '\x1b\[[0-9;]*m', '') -replace '\s*\r?\n\s*(\|\s*)?', ' '
    }

    function Get-Occurrence {
        param([string] $Text, [string] $Part)
        ([regex]::Matches($Text, [regex]::Escape($Part))).Count
    }

    function Assert-AdviceNamesRealThings {
        # Every "Verb-Noun" of the advice is a LiveStream cmdlet; every -Parameter after one is a parameter of it, and
        # a -Parameter on its own is one of the cmdlet that failed.
        param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
        $advice = $Record.ErrorDetails.RecommendedAction
        $advice | Should -Not -BeNullOrEmpty
        $failed = Get-Command -Name $Record.InvocationInfo.MyCommand.Name
        $current = $failed
        foreach ($token in [regex]::Matches($advice, "\b[A-Z][a-z]+-[A-Z]\w+\b|(?<![\w-])-[A-Z]\w+")) {
            if ($token.Value.StartsWith('-')) {
                $current.Parameters.Keys | Should -Contain $token.Value.Substring(1) -Because "'$advice' names $($token.Value) of $($current.Name)"
            }
            else {
                $current = Get-Command -Name $token.Value -Module LiveStream -ErrorAction SilentlyContinue
                $current | Should -Not -BeNullOrEmpty -Because "'$advice' names $($token.Value)"
            }
        }
    }

    $script:sigma = Connect-TestSigma -PassThru -Extra @{ MaxRetries = 0; TimeoutSec = 1 }
    $script:theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
}

AfterAll {
    Get-LiveStreamConnection | Disconnect-LiveStream
    Reset-Emulator
}

Describe 'Advice, once' {
    BeforeEach { Reset-Emulator }

    It 'a vendor failure prints its advice once in <View>' -ForEach @(@{ View = 'ConciseView' }, @{ View = 'NormalView' }) {
        $ErrorView = $View
        Get-LiveChannel -Id ([guid]::NewGuid()) -Connection $sigma -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $advice = $failures[0].ErrorDetails.RecommendedAction
        $shown = Get-Shown $failures[0] -View $View
        Get-Occurrence $shown $advice | Should -Be 1
        $shown | Should -Not -Match 'Recommendation:[\s\S]*Recommendation:'
        Get-Occurrence $shown 'not found' | Should -Be 1
    }

    It 'in ConciseView the message says what happened and the advice comes as the Recommendation' {
        Get-LiveChannel -Id ([guid]::NewGuid()) -Connection $sigma -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].ErrorDetails.Message | Should -Not -Match ([regex]::Escape($failures[0].ErrorDetails.RecommendedAction))
        Get-Shown $failures[0] | Should -Match ('Recommendation: ' + [regex]::Escape($failures[0].ErrorDetails.RecommendedAction))
    }
}

Describe 'Advice that fits the cmdlet' {
    BeforeEach { Reset-Emulator }

    It 'a session that is not found points to Get-LiveSession, not to Get-LiveChannel' {
        Get-LiveSessionStatus -SessionId ([guid]::NewGuid()) -Connection $sigma -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        Get-ErrorIds $failures | Should -Be 'LiveStream.NotFound'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Get-LiveSession -ChannelId'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Get-LiveChannel'
        Assert-AdviceNamesRealThings $failures[0]
    }

    It 'a channel that is not found points to Get-LiveChannel' {
        Start-LiveChannel -Id ([guid]::NewGuid()) -Connection $sigma -ErrorVariable failures -ErrorAction SilentlyContinue

        Get-ErrorIds $failures | Should -Be 'LiveStream.NotFound'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Get-LiveChannel'
        Assert-AdviceNamesRealThings $failures[0]
    }

    It 'a timeout advises -TimeoutSec of Connect-LiveStream, a parameter it has' {
        Add-EmulatorFault @{ pathPattern = 'channels'; latencyMs = 2500; count = 1 }

        Get-LiveChannel -Connection $sigma -ErrorVariable failures -ErrorAction SilentlyContinue

        Get-ErrorIds $failures | Should -Be 'LiveStream.Timeout'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-LiveStream -TimeoutSec'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -Match '-Timeout\b'
        Assert-AdviceNamesRealThings $failures[0]
    }

    It 'a refused credential: Connect-LiveStream says to check it, other cmdlets to connect again' {
        Connect-LiveStream -Theta -Credential (New-TestCredential -UserName (Get-ThetaTestCredential).UserName -Secret 'wrong') `
            -BaseUri (Get-TestBaseUri) -Name 'refused' -ErrorVariable connectFailures -ErrorAction SilentlyContinue
        Add-EmulatorFault @{ pathPattern = 'channels'; kind = 'Status'; status = 401; count = 1 }
        Get-LiveChannel -Connection $sigma -ErrorVariable listFailures -ErrorAction SilentlyContinue

        Get-ErrorIds ($connectFailures + $listFailures) | Should -Be 'LiveStream.AuthenticationFailed', 'LiveStream.AuthenticationFailed'
        $connectFailures[0].ErrorDetails.RecommendedAction | Should -Match 'Check the credential'
        $connectFailures[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Connect-LiveStream'
        $listFailures[0].ErrorDetails.RecommendedAction | Should -Match 'run Connect-LiveStream again'
        Assert-AdviceNamesRealThings $connectFailures[0]
        Assert-AdviceNamesRealThings $listFailures[0]
    }

    It '<Name>: <ErrorId> (<Category>), with advice that names real cmdlets and parameters' -ForEach @(
        @{ Name = 'Get-LiveChannel 403'; Fault = @{ pathPattern = 'channels'; kind = 'Status'; status = 403 }; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied'; Run = { Get-LiveChannel -Connection $sigma } }
        @{ Name = 'Stop-LiveChannel 409'; Fault = @{ pathPattern = 'stop'; kind = 'Status'; status = 409 }; ErrorId = 'LiveStream.Conflict'; Category = 'ResourceExists'; Run = { Stop-LiveChannel -Id ([guid]::NewGuid()) -Connection $sigma -Confirm:$false } }
        @{ Name = 'Get-LiveSession 429'; Fault = @{ pathPattern = 'sessions'; kind = 'Status'; status = 429 }; ErrorId = 'LiveStream.LimitsExceeded'; Category = 'LimitsExceeded'; Run = { Get-LiveSession -ChannelId ([guid]::NewGuid()) -Connection $sigma } }
        @{ Name = 'Get-LiveSessionEvent 500'; Fault = @{ pathPattern = 'events'; kind = 'Status'; status = 500 }; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError'; Run = { Get-LiveSessionEvent -SessionId ([guid]::NewGuid()) -Connection $sigma } }
        @{ Name = 'Get-EdgeIngestor 500'; Fault = @{ pathPattern = 'ingestor'; kind = 'Status'; status = 500 }; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError'; Run = { Get-EdgeIngestor -Connection $theta } }
        @{ Name = 'Select-EdgeIngestor of a stream of another account'; Fault = $null; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied'; Run = { $other = Connect-TestTheta -Account b -Name 'other account' -PassThru; $stream = New-LiveChannel -Name 'theirs' -Connection $other -Confirm:$false; $other | Disconnect-LiveStream; Select-EdgeIngestor -ChannelId $stream.Id -Connection $theta } }
        @{ Name = 'Disconnect-EdgeIngestor of an unknown ingestor'; Fault = $null; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound'; Run = { Disconnect-EdgeIngestor -Id ('0x' + '0' * 40) -Connection $theta -Confirm:$false } }
        @{ Name = 'New-LiveChannel 400'; Fault = @{ pathPattern = 'channels'; method = 'POST'; kind = 'Status'; status = 400 }; ErrorId = 'LiveStream.InvalidArgument'; Category = 'InvalidArgument'; Run = { New-LiveChannel -Name 'refused' -Connection $sigma } }
    ) {
        if ($Fault) { Add-EmulatorFault $Fault }

        $failures = @(& $Run 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

        $failures | Should -HaveCount 1
        Get-ErrorIds $failures | Should -Be $ErrorId
        $failures[0].CategoryInfo.Category | Should -Be $Category
        $failures[0].Exception.GetType().Name | Should -Be 'LiveStreamApiException'
        Get-Occurrence (Get-Shown $failures[0]) $failures[0].ErrorDetails.RecommendedAction | Should -Be 1
        Assert-AdviceNamesRealThings $failures[0]
    }
}
