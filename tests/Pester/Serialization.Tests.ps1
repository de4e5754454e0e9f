# What ConvertTo-Json and Export-Csv make of the module's objects: compact and meaningful (the connection by its name,
# the vendor as text, lists as lists, no raw vendor JSON, no secret), while the objects themselves keep their
# connection for -Connection binding and their raw JSON for scripts; and what comes back from a file pipes into cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    $script:secrets = @('sigma-emulator-secret-key-0001', 'theta-emulator-secret-a-000000001', 'serialization-s3-secret')
    Set-EmulatorEncoder -DelayMs 100
    $script:sigma = Connect-TestSigma -Name 'sigma-first' -PassThru
    $script:theta = Connect-TestTheta -Name 'theta-a' -PassThru
    $script:channel = New-LiveChannel -Connection $sigma -Name 'Evening news' -Tag 'news', 'live'
    $script:stream = New-LiveChannel -Connection $theta -Name 'Theta evening'
    $null = $channel | Start-LiveChannel
    $script:session = $channel | Wait-LiveChannel -State Live -TimeoutSec 60
    $script:channel = $channel | Get-LiveChannel
    $script:objects = @(
        $channel, $stream, $session, ($session | Get-LiveSessionStatus), @($session | Get-LiveSessionEvent)[0],
        @(Get-EdgeIngestor -Connection $theta)[0],
        (New-LiveS3Destination -Bucket 'vod' -Endpoint 'https://s3.example.com' -Region 'hn' -AccessKey 'AKIAEXAMPLE' `
            -SecretKey (ConvertTo-SecureString 'serialization-s3-secret' -AsPlainText -Force))
    )
}

AfterAll {
    Set-EmulatorEncoder -DelayMs 0
    Get-LiveStreamConnection | Disconnect-LiveStream
    Reset-Emulator
}

Describe 'ConvertTo-Json' {
    It 'writes a <Type> compactly: the connection by its name, no raw vendor JSON, nothing cut by the default depth' -ForEach @(
        @{ Index = 0; Type = 'Sigma channel' }, @{ Index = 1; Type = 'Theta stream' }, @{ Index = 2; Type = 'session' }
        @{ Index = 3; Type = 'session status' }, @{ Index = 4; Type = 'session event' }, @{ Index = 5; Type = 'Edge Ingestor' }
    ) {
        $object = $objects[$Index]

        $json = $object | ConvertTo-Json -WarningVariable warnings 3>$null
        $parsed = $json | ConvertFrom-Json

        $warnings | Should -BeNullOrEmpty -Because 'nothing is deeper than the default depth'
        $parsed.ConnectionName | Should -Be $object.Connection.Name
        $parsed.PSObject.Properties.Name | Should -Not -Contain 'Connection'
        $parsed.PSObject.Properties.Name | Should -Not -Contain 'Raw'
        $json | Should -Not -Match 'BaseUri|MaxRetries|ConnectedAt' -Because 'the connection is not nested'
    }

    It 'writes the vendor as text and lists as arrays' {
        $parsed = $channel | ConvertTo-Json | ConvertFrom-Json

        $parsed.Provider | Should -Be 'Sigma'
        $parsed.Tags | Should -Be @('news', 'live')
        $parsed.Profiles | Should -Be @('1080p', '720p', '480p')
        ($stream | ConvertTo-Json | ConvertFrom-Json).Provider | Should -Be 'Theta'
    }

    It 'writes a connection compactly: the vendor as text, the timeout in seconds, no nested objects' {
        $parsed = $sigma | ConvertTo-Json | ConvertFrom-Json

        $parsed.Vendor | Should -Be 'Sigma'
        $parsed.TimeoutSec | Should -Be 30
        $parsed.BaseUri | Should -Be (Get-TestBaseUri).AbsoluteUri
        $parsed.PSObject.Properties.Value | Where-Object { $_ -is [System.Management.Automation.PSCustomObject] } | Should -BeNullOrEmpty
        ($theta | ConvertTo-Json -Compress) | Should -Match '"Vendor":"Theta"'
    }

    It 'writes no secret, of a connection or of an S3 destination' {
        $json = $objects | ConvertTo-Json -Depth 10
        $csv = $objects | ForEach-Object { $_ | ConvertTo-Csv } | Out-String

        foreach ($secret in $secrets) {
            $json | Should -Not -Match $secret
            $csv | Should -Not -Match $secret
        }
        ($objects[6] | ConvertTo-Json | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'SecretKey'
    }

    It 'reads back into objects whose Id pipes into the cmdlets' {
        $path = Join-Path $TestDrive 'channels.json'
        @($channel, $stream) | ConvertTo-Json | Set-Content -LiteralPath $path

        $read = @(Get-Content -LiteralPath $path -Raw | ConvertFrom-Json | ForEach-Object { $_ } | Get-LiveChannel)

        $read.Id | Should -Be @($channel.Id, $stream.Id)
    }
}

Describe 'Export-Csv' {
    It 'writes lists as their items, the vendor and the connection name, and no type names' {
        $path = Join-Path $TestDrive 'channels.csv'
        @($channel, $stream) | Export-Csv -LiteralPath $path

        $text = Get-Content -LiteralPath $path -Raw
        $rows = @(Import-Csv -LiteralPath $path)

        $text | Should -Not -Match 'System\.|LiveStream\.Model|Raw'
        $rows[0].Tags | Should -Be 'news live'
        $rows[0].Profiles | Should -Be '1080p 720p 480p'
        $rows[0].Provider | Should -Be 'Sigma'
        $rows[0].ConnectionName | Should -Be 'sigma-first'
        $rows[1].Provider | Should -Be 'Theta'
    }

    It 'reads back into rows that Stop-LiveChannel takes by Id' {
        $path = Join-Path $TestDrive 'running.csv'
        $channel | Export-Csv -LiteralPath $path

        Import-Csv -LiteralPath $path | Stop-LiveChannel -Confirm:$false

        (Get-LiveChannel -Id $channel.Id -Connection $sigma).Status | Should -Not -Be 'active'
    }
}

Describe 'The objects themselves' {
    It 'keep their connection: piped, they bind -Connection by property name to the account they came from' {
        $second = Connect-TestSigma -Name 'sigma-second' -PassThru
        try {
            $again = $channel | Get-LiveChannel

            $channel.Connection | Should -Be $sigma
            $again.Connection.Name | Should -Be 'sigma-first'
            ($session | Get-LiveSessionStatus).Connection.Name | Should -Be 'sigma-first'
        }
        finally {
            $second | Disconnect-LiveStream
        }
    }

    It 'keep the raw vendor JSON reachable, as a hidden member' {
        $channel.Raw.appId | Should -Be (Get-SigmaTestAppId)
        ($channel | Get-Member -Name Raw -Force) | Should -Not -BeNullOrEmpty
        ($channel | Get-Member -Name Raw) | Should -BeNullOrEmpty
    }

    It 'keep lists that count as arrays do' {
        $channel.Tags.Count | Should -Be 2
        $channel.Tags.Length | Should -Be 2
        $channel.Tags[1] | Should -Be 'live'
        $channel.Tags -contains 'news' | Should -BeTrue
    }
}
