# Tab completion as the shell does it (TabExpansion2): channel and stream ids, session ids, event actions, connection
# names and Edge Ingestor ids, each shown in the list with what it names, not only in its tooltip.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        # What the module's completers offer; with none, PowerShell falls back to file names, which are not its doing.
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | Where-Object ResultType -EQ 'ParameterValue')
    }

    Set-EmulatorEncoder -DelayMs 100
    $script:sigma = Connect-TestSigma -Name 'sigma-news' -PassThru
    $script:theta = Connect-TestTheta -Name 'theta-a' -PassThru
    $script:channel = New-LiveChannel -Connection $sigma -Name 'Evening news'
    $script:other = New-LiveChannel -Connection $sigma -Name 'Morning show'
    $script:stream = New-LiveChannel -Connection $theta -Name 'Theta evening'
    $null = $channel | Start-LiveChannel
    $script:session = $channel | Wait-LiveChannel -State Live -TimeoutSec 60
}

AfterAll {
    Set-EmulatorEncoder -DelayMs 0
    Get-LiveStreamConnection | Disconnect-LiveStream
    Reset-Emulator
}

Describe 'Tab completion' {
    It 'completes channel ids of both vendors, the list showing each with its name' {
        $matches = Get-Completion 'Stop-LiveChannel -Id '

        $matches.CompletionText | Should -Contain $channel.Id
        $matches.CompletionText | Should -Contain $stream.Id
        ($matches | Where-Object CompletionText -EQ $channel.Id).ListItemText | Should -BeLike "*Evening news*"
        ($matches | Where-Object CompletionText -EQ $stream.Id).ListItemText | Should -BeLike "*Theta evening*"
    }

    It 'completes only Theta streams for Select-EdgeIngestor -ChannelId and only Sigma channels for Get-LiveSession -ChannelId' {
        (Get-Completion 'Select-EdgeIngestor -ChannelId ').CompletionText | Should -Be @($stream.Id)
        $sigmaIds = (Get-Completion 'Get-LiveSession -ChannelId ').CompletionText
        $sigmaIds | Should -Contain $channel.Id
        $sigmaIds | Should -Not -Contain $stream.Id
    }

    It 'completes session ids for <Line>, the list showing the session name' -ForEach @(
        @{ Line = 'Get-LiveSessionStatus -SessionId ' }
        @{ Line = 'Get-LiveSessionEvent -SessionId ' }
        @{ Line = 'Get-LiveSession -Id ' }
    ) {
        $matches = Get-Completion $Line

        $matches.CompletionText | Should -Contain $session.Id
        ($matches | Where-Object CompletionText -EQ $session.Id).ListItemText | Should -BeLike "*$($session.Name)*"
    }

    It 'completes event actions' {
        (Get-Completion 'Get-LiveSessionEvent -SessionId x -Action st').CompletionText | Should -Be @('start', 'stable')
        (Get-Completion 'Get-LiveSessionEvent -SessionId x -Action ').CompletionText |
            Should -Be @('initialize', 'start', 'stable', 'interrupted', 'restored', 'ended')
    }

    It 'completes connection names for <Line>, the list showing vendor and account' -ForEach @(
        @{ Line = 'Get-LiveChannel -Connection ' }
        @{ Line = 'Get-LiveStreamConnection -Name ' }
        @{ Line = 'Disconnect-LiveStream -Name ' }
    ) {
        $matches = Get-Completion $Line

        $matches.CompletionText | Should -Be @('sigma-news', 'theta-a')
        ($matches | Where-Object CompletionText -EQ 'theta-a').ListItemText | Should -BeLike '*Theta*srvacc_*'
    }

    It 'completes the connection name that starts with what was typed' {
        (Get-Completion 'Get-LiveSession -Connection th').CompletionText | Should -Be @('theta-a')
    }

    It 'completes available Edge Ingestor ids for Select-EdgeIngestor, nearest first, the list showing the address' {
        $available = @(Get-EdgeIngestor -Connection $theta -State Available)

        $matches = Get-Completion "Select-EdgeIngestor -ChannelId $($stream.Id) -Id "

        $matches.CompletionText | Should -Be @($available.Id)
        $matches[0].ListItemText | Should -BeLike "*$($available[0].Ip)*"
    }

    It 'completes the selected Edge Ingestor ids for Disconnect-EdgeIngestor' {
        $selection = Select-EdgeIngestor -ChannelId $stream.Id -Connection $theta
        try {
            $matches = Get-Completion 'Disconnect-EdgeIngestor -Id '

            $matches.CompletionText | Should -Be @($selection.IngestorId)
            $matches[0].ListItemText | Should -BeLike '*selected*'
        }
        finally {
            Disconnect-EdgeIngestor -Id $selection.IngestorId -Connection $theta -Confirm:$false
        }
    }

    It 'completes nothing, and breaks nothing, without a connection' {
        Invoke-NewPwsh -Script @'
$line = 'Get-LiveSessionStatus -SessionId '
$result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
"count=$(@($result.CompletionMatches | Where-Object ResultType -EQ 'ParameterValue').Count) errors=$($Error.Count)"
'@ | Select-Object -ExpandProperty Output | Should -Match 'count=0 errors=0'
    }
}
