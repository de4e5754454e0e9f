# The module as an operator's habits use it: input read from files (Import-Csv, Get-Content), names and ids as people
# type them, and the logs operators keep of their sessions (Start-Transcript, Out-File, -Verbose). Tests marked -Skip
# name a surprise that another area fixes (the reason says which defect and who).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
    $script:Secrets = @(
        'sigma-emulator-secret-key-0001', 'theta-emulator-secret-a-000000001', 'operator-s3-secret-key-0001',
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('emulator-user:sigma-emulator-secret-key-0001'))
    )
}

Describe 'Input read from files' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma
        Connect-TestTheta
        $sigma = Get-LiveStreamConnection -Vendor Sigma
        $theta = Get-LiveStreamConnection -Vendor Theta
    }

    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'Import-Csv of a Name column | New-LiveChannel creates one channel per row, in the file''s order' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'channels.csv') -Encoding utf8 -Value 'Name', 'Evening news', 'Kênh thời sự', 'Town hall'

        $made = Import-Csv (Join-Path $TestDrive 'channels.csv') | New-LiveChannel -Connection $sigma

        $made.Name | Should -Be 'Evening news', 'Kênh thời sự', 'Town hall'
    }

    It 'Export-Csv of channels, then Import-Csv | Stop-LiveChannel stops the channels of the file' {
        $channels = 'a', 'b' | New-LiveChannel -Connection $sigma | Start-LiveChannel -PassThru
        $file = Join-Path $TestDrive 'tonight.csv'
        $channels | Export-Csv -LiteralPath $file

        Import-Csv -LiteralPath $file | Stop-LiveChannel -Connection $sigma

        (Get-LiveChannel -Connection $sigma).Status | Should -Be 'stop', 'stop'
    }

    It 'Get-Content of stream ids (a Windows file: CRLF) | Select-EdgeIngestor, run twice, keeps each stream''s selection' {
        $streams = 'first', 'second' | New-LiveChannel -Connection $theta
        $file = Join-Path $TestDrive 'streams.txt'
        [IO.File]::WriteAllText($file, ($streams.Id -join "`r`n") + "`r`n")

        $first = Get-Content -LiteralPath $file | Select-EdgeIngestor
        $again = Get-Content -LiteralPath $file | Select-EdgeIngestor

        $again.ChannelId | Should -Be $streams.Id
        $again.StreamKey | Should -Be $first.StreamKey -Because 'a rerun of the script must not void the OBS settings it gave'
    }

    It 'Import-Csv of a StreamId column | Select-EdgeIngestor binds by property name' {
        $stream = New-LiveChannel -Connection $theta -Name 'weekly-show'
        Set-Content -LiteralPath (Join-Path $TestDrive 'streams.csv') -Value 'StreamId', $stream.Id

        $selection = Import-Csv (Join-Path $TestDrive 'streams.csv') | Select-EdgeIngestor

        $selection.ChannelId | Should -Be $stream.Id
    }

    It 'Import-Csv with Description and Tag columns | New-LiveChannel keeps them' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'channels.csv') -Value 'Name,Description,Tag', 'Evening news,The 7pm show,news'

        $made = Import-Csv (Join-Path $TestDrive 'channels.csv') | New-LiveChannel -Connection $sigma

        $made.Description | Should -Be 'The 7pm show'
        $made.Tags | Should -Be 'news'
    }

    It 'Get-Content of channel names | Get-LiveChannel says to use -Name, which takes the whole file' {
        # A piped string is an id (as Get-Process's piped strings are names): a names file gets InvalidId records that
        # point to -Name, and -Name takes the file's lines.
        $null = New-LiveChannel -Connection $sigma -Name 'Evening news'
        Set-Content -LiteralPath (Join-Path $TestDrive 'names.txt') -Value 'Evening news'

        Get-Content (Join-Path $TestDrive 'names.txt') | Get-LiveChannel -Connection $sigma -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorSummary $failed | Should -Be 'LiveStream.InvalidId|InvalidArgument|Evening news'
        "$($failed[0])" | Should -Match 'Get-LiveChannel -Name finds one by name'

        (Get-LiveChannel -Connection $sigma -Name (Get-Content (Join-Path $TestDrive 'names.txt'))).Name | Should -Be 'Evening news'
    }
}

Describe 'Names and ids as people type them' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestSigma
        $channel = New-LiveChannel -Name 'Evening news'
    }

    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'a wildcard name matches whatever the case' {
        (Get-LiveChannel -Name 'evening*').Id | Should -Be $channel.Id
    }

    It 'a name typed in another case is NotFound with a message that says names match exactly and how to match loosely' {
        # Sigma compares names exactly, and the module sends an exact name to it as a filter; a wildcard pattern matches
        # whatever the case (see the test before).
        Get-LiveChannel -Name 'evening news' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.NotFound|ObjectNotFound|evening news'
        "$($failed[0])" | Should -Match 'case included'
        "$($failed[0])" | Should -Match ([regex]::Escape("-Name '*part*'"))
    }

    It 'a channel id in upper case (Excel, another tool) finds the channel' {
        (Get-LiveChannel -Id $channel.Id.ToUpperInvariant()).Id | Should -Be $channel.Id
    }
}

Describe 'The logs operators keep' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }

    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'a transcript of a -Verbose session (connect, create with S3 catchup, start, select) holds no secret' {
        $log = Join-Path $TestDrive 'session.log'
        $run = Invoke-NewPwsh -Script @"
Import-Module '$(Join-Path $PSScriptRoot 'TestSupport.psm1')'
`$null = Start-Transcript -LiteralPath '$log'
Connect-TestSigma -Extra @{ Verbose = `$true }
Connect-TestTheta -Extra @{ Verbose = `$true }
`$s3 = New-LiveS3Destination -Bucket vod -Endpoint https://s3.example.com -Region r1 -AccessKey AKIAOPERATOR -SecretKey (ConvertTo-SecureString 'operator-s3-secret-key-0001' -AsPlainText -Force)
`$channel = New-LiveChannel -Connection (Get-LiveStreamConnection -Vendor Sigma) -Name 'Evening news' -CatchupS3 `$s3 -Verbose
`$channel | Start-LiveChannel -Verbose
Get-LiveStreamConnection | Format-List *
`$stream = New-LiveChannel -Connection (Get-LiveStreamConnection -Vendor Theta) -Name 'weekly-show' -Verbose
`$null = Select-EdgeIngestor -ChannelId `$stream.Id -Verbose
Get-LiveStreamConnection | Out-File -LiteralPath '$log.connections'
`$null = Stop-Transcript
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $text = (Get-Content -LiteralPath $log -Raw) + (Get-Content -LiteralPath "$log.connections" -Raw)
        $text | Should -Match 'Sigma POST http://\S+/api/livestream/channels -> 201'
        foreach ($secret in $Secrets) { $text | Should -Not -Match ([regex]::Escape($secret)) }
    }

    It 'Get-LiveStreamConnection | Out-File at the default width keeps the BaseUri column' {
        Connect-TestTheta
        $file = Join-Path $TestDrive 'connections.txt'
        Get-LiveStreamConnection | Out-File -LiteralPath $file -Width 80
        Get-Content -LiteralPath $file -Raw | Should -Match 'BaseUri'
    }
}
