# The default views of every output type, as a user sees them at 80 and 120 columns: nothing a user needs is cut or
# dropped, a mixed Sigma and Theta list tells its rows apart, and a Theta object shows no empty Sigma-only fields.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function Get-Rendered {
        param([Parameter(Mandatory)] [object[]] $InputObject, [int] $Width, [switch] $List)
        $text = if ($List) { $InputObject | Format-List | Out-String -Width $Width } else { $InputObject | Out-String -Width $Width }
        @($text -split '\r?\n' | ForEach-Object { $_.TrimEnd() })
    }

    function Get-HeaderLine {
        param([string[]] $Lines, [string[]] $Columns)
        @($Lines | Where-Object { (@(-split $_) -join ' ') -ceq ($Columns -join ' ') })
    }

    function Assert-Fits {
        # No line wider than the console, no value cut short with an ellipsis.
        param([string[]] $Lines, [int] $Width)
        foreach ($line in $Lines) {
            $line.Length | Should -BeLessOrEqual $Width -Because "'$line' must fit $Width columns"
            $line | Should -Not -Match '…' -Because 'no value is cut'
        }
    }

    function Get-ListItem {
        # The labels of a list view's entries, in order, one array per object.
        param([string[]] $Lines)
        $entries = [System.Collections.Generic.List[object]]::new()
        $current = $null
        foreach ($line in $Lines) {
            if ($line -match '^(\w+)\s+:( |$)') {
                if ($null -eq $current) { $current = [System.Collections.Generic.List[string]]::new() }
                $current.Add($Matches[1])
            }
            elseif ($line -eq '' -and $null -ne $current) {
                $entries.Add($current.ToArray()); $current = $null
            }
        }
        if ($null -ne $current) { $entries.Add($current.ToArray()) }
        , $entries.ToArray()
    }

    Set-EmulatorEncoder -DelayMs 100
    $script:sigma = Connect-TestSigma -Name 'production-sigma' -PassThru
    $script:theta = Connect-TestTheta -Name 'theta-a' -PassThru
    $script:sigmaChannel = New-LiveChannel -Connection $sigma -Name 'Evening news' -Description 'News at seven' -Tag news, live
    $script:thetaStream = New-LiveChannel -Connection $theta -Name 'Theta evening'
    $null = $sigmaChannel | Start-LiveChannel
    $script:session = $sigmaChannel | Wait-LiveChannel -State Live -TimeoutSec 60
    $script:channels = @(($sigmaChannel | Get-LiveChannel), ($thetaStream | Start-LiveChannel -PassThru))
    $script:sessions = @(Get-LiveSession -ChannelId $sigmaChannel.Id -Connection $sigma)
    $script:status = $session | Get-LiveSessionStatus
    $script:events = @($session | Get-LiveSessionEvent)
    $script:ingestors = @(Get-EdgeIngestor -Connection $theta)
    $script:selection = Select-EdgeIngestor -ChannelId (New-LiveChannel -Connection $theta -Name 'Theta second').Id -Connection $theta
    $script:destination = New-LiveS3Destination -Bucket 'catchup-archive' -Endpoint 'https://s3.eu-west-1.amazonaws.com' -Region 'eu-west-1' `
        -AccessKey 'AKIAEXAMPLE' -SecretKey (ConvertTo-SecureString 'view-test-s3-secret' -AsPlainText -Force) -SegmentPrefix 'news/'
}

AfterAll {
    Set-EmulatorEncoder -DelayMs 0
    Get-LiveStreamConnection | Disconnect-LiveStream
    Reset-Emulator
}

Describe 'Default views at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
    It 'the channel table tells a mixed Sigma and Theta list apart: name, vendor, status and the whole id on each row' {
        $lines = Get-Rendered $channels -Width $Width

        Assert-Fits $lines $Width
        Get-HeaderLine $lines 'Name', 'Vendor', 'Status', 'Id' | Should -HaveCount 1
        foreach ($channel in $channels) {
            $row = @($lines | Where-Object { $_.Contains($channel.Id) })
            $row | Should -HaveCount 1
            $row[0] | Should -Match ('^' + [regex]::Escape($channel.Name) + '\s+' + $channel.Provider + '\s+' + $channel.Status + '\s+')
        }
    }

    It 'the Vendor column of the channel and session tables is a property scripts can use, and JSON keeps one of it' {
        @($channels | Where-Object Vendor -EQ 'Theta').Id | Should -Be $thetaStream.Id
        @($channels | Format-Table Name, Vendor | Out-String -Width $Width) -match 'Evening news\s+Sigma' | Should -Not -BeNullOrEmpty
        $sessions[0].Vendor | Should -Be 'Sigma'
        ($channels[0] | ConvertTo-Json | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'Vendor'
    }

    It 'the channel list shows Sigma fields for a Sigma channel and none of them for a Theta stream' {
        $entries = Get-ListItem (Get-Rendered $channels -Width $Width -List)

        $entries | Should -HaveCount 2
        $entries[0] | Should -Be @('Id', 'Name', 'Vendor', 'Status', 'Mode', 'Profiles', 'Description', 'Tags', 'IngestUrl',
            'StreamKey', 'PlaybackUrl', 'CurrentSessionId', 'Catchup', 'CatchupDestination', 'CreatedAt', 'UpdatedAt', 'Connection')
        $entries[1] | Should -Be @('Id', 'Name', 'Vendor', 'Status', 'IngestUrl', 'StreamKey', 'PlaybackUrl', 'PlayerUrl',
            'UpdatedAt', 'Connection')
        $text = (Get-Rendered $channels -Width $Width -List) -join "`n"
        $text | Should -Match ('Connection\s+: production-sigma')
        ($text -replace '\s', '') | Should -BeLike ('*' + $channels[0].PlaybackUrl + '*')
    }

    It 'the session table shows the whole session id, its status, start and duration' {
        $lines = Get-Rendered $sessions -Width $Width

        Assert-Fits $lines $Width
        Get-HeaderLine $lines 'Id', 'Status', 'StartedAt', 'Duration' | Should -HaveCount 1
        $row = @($lines | Where-Object { $_.StartsWith($session.Id) })
        $row | Should -HaveCount 1
        $row[0] | Should -Match ('^\S{36} live\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d\d:\d\d:\d\d$')
    }

    It 'the session list shows the encoder address and the connection by name' {
        $lines = Get-Rendered $sessions -Width $Width -List

        Assert-Fits $lines $Width
        $lines | Should -Contain ('ClientIp   : ' + $session.ClientIp)
        $lines | Should -Contain 'Connection : production-sigma'
        $lines -join "`n" | Should -Not -Match 'Raw\s+:'
    }

    It 'the session status table shows the whole session id' {
        $lines = Get-Rendered $status -Width $Width

        Assert-Fits $lines $Width
        $lines | Where-Object { $_ -match ('^' + $session.Id + '\s+live$') } | Should -HaveCount 1
    }

    It 'the event table shows time, action and the whole message' {
        $lines = Get-Rendered $events -Width $Width

        Assert-Fits $lines $Width
        Get-HeaderLine $lines 'Time', 'Action', 'Actor', 'Message' | Should -HaveCount 1
        foreach ($event in $events) {
            $lines | Where-Object { $_ -match ('\s' + $event.Action + '\s+' + [regex]::Escape($event.Message) + '$') } | Should -HaveCount 1
        }
    }

    It 'the Edge Ingestor table shows rank, the whole id, address and state; the list adds stakes and position' {
        $lines = Get-Rendered $ingestors -Width $Width

        Assert-Fits $lines $Width
        Get-HeaderLine $lines 'Rank', 'Id', 'Ip', 'State' | Should -HaveCount 1
        foreach ($ingestor in $ingestors) {
            $lines | Where-Object { $_ -match ("^\s*$($ingestor.Rank) $($ingestor.Id) +$([regex]::Escape($ingestor.Ip)) +$($ingestor.State)$") } |
                Should -HaveCount 1
        }
        (Get-ListItem (Get-Rendered $ingestors[0] -Width $Width -List))[0] |
            Should -Be @('Rank', 'Id', 'Ip', 'State', 'Stakes', 'Longitude', 'Latitude', 'Connection')
    }

    It 'the selection list shows what OBS needs, whole' {
        $lines = Get-Rendered $selection -Width $Width -List

        Assert-Fits $lines $Width
        $lines | Should -Contain ('IngestUrl  : ' + $selection.IngestUrl)
        $lines | Should -Contain ('StreamKey  : ' + $selection.StreamKey)
        $lines | Should -Contain 'Connection : theta-a'
    }

    It 'the connection table shows name, vendor, account and base URI of each connection' {
        $connections = @(Get-LiveStreamConnection)
        $lines = Get-Rendered $connections -Width $Width

        Assert-Fits $lines $Width
        Get-HeaderLine $lines 'Name', 'Vendor', 'AccountId', 'BaseUri' | Should -HaveCount 1
        foreach ($connection in $connections) {
            $lines | Where-Object { $_ -match ('^' + [regex]::Escape($connection.Name) + '\s+' + $connection.Vendor + '\s+' +
                    [regex]::Escape($connection.AccountId) + '\s+') } | Should -HaveCount 1
        }
        ($lines -join '' -replace '\s', '') | Should -BeLike ('*' + $connections[0].BaseUri + '*')
    }

    It 'the connection table wraps a long base URI instead of cutting it' {
        Connect-LiveStream -Sigma -Name 'production-sigma-europe' -AppId (Get-SigmaTestAppId) -Credential (Get-SigmaTestCredential) `
            -BaseUri 'https://api.sigma.video/' -SkipCheck
        try {
            $lines = Get-Rendered (Get-LiveStreamConnection -Name 'production-sigma-europe') -Width $Width

            Assert-Fits $lines $Width
            ($lines -join '' -replace '\s', '') | Should -BeLike '*https://api.sigma.video/*'
        }
        finally {
            Disconnect-LiveStream -Name 'production-sigma-europe'
        }
    }

    It 'the S3 destination shows bucket, endpoint, region, access key and prefix, as a list and as a table, and no secret' {
        $lines = Get-Rendered $destination -Width $Width

        Assert-Fits $lines $Width
        (Get-ListItem $lines)[0] | Should -Be @('Bucket', 'Endpoint', 'Region', 'AccessKey', 'SegmentPrefix')
        $lines | Should -Contain 'Endpoint      : https://s3.eu-west-1.amazonaws.com'
        $table = @($destination | Format-Table | Out-String -Width $Width) -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
        Assert-Fits $table $Width
        $table | Where-Object { $_ -match '^catchup-archive\s+https://s3\.eu-west-1\.amazonaws\.com\s+eu-west-1\s+AKIAEXAMPLE\s+news/$' } |
            Should -HaveCount 1
        (($lines + $table) -join "`n") | Should -Not -Match 'view-test-s3-secret|SecretKey'
    }
}
