# Select-EdgeIngestor (Theta only): a stream's selection is kept unless -Force says to move it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
    $script:Nearest = '0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A'
    $script:Second = '0xaCe1F1d6E6284eF39ff55Ed7b5765b659b70Ca9f'

    function script:Get-SelectRequest { @(Get-EmulatorRequest -PathLike '/ingestor/*/select' -Method PUT) }
}

Describe 'Select-EdgeIngestor' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        Connect-TestTheta
        $stream = New-LiveChannel -Name 'weekly-show'
        Clear-EmulatorRequest
    }

    AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

    It 'selects the nearest available ingestor for a stream that has none' {
        $selection = Select-EdgeIngestor -ChannelId $stream.Id

        $selection.PSObject.TypeNames | Should -Contain 'LiveStream.Model.IngestorSelection'
        $selection.IngestorId | Should -Be $Nearest
        $selection.ChannelId | Should -Be $stream.Id
        $selection.IngestUrl | Should -Be 'rtmp://35.226.139.216:1935/live'
        $selection.ExpiresAt - $selection.SelectedAt | Should -Be ([timespan]::FromMinutes(5))
        Get-SelectRequest | Should -HaveCount 1
    }

    It 'run again on the same stream returns the current selection (same server and key) and selects nothing' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id
        Clear-EmulatorRequest

        $again = Select-EdgeIngestor -ChannelId $stream.Id -Verbose 4>&1
        $verbose = @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $selection = @($again | Where-Object { $_.PSObject.TypeNames -contains 'LiveStream.Model.IngestorSelection' })

        $selection | Should -HaveCount 1
        $selection[0].IngestorId | Should -Be $first.IngestorId
        $selection[0].IngestUrl | Should -Be $first.IngestUrl
        $selection[0].StreamKey | Should -Be $first.StreamKey
        $selection[0].ChannelId | Should -Be $stream.Id
        Get-SelectRequest | Should -BeNullOrEmpty
        @($verbose.Message) -match "already has Edge Ingestor $Nearest.+it is kept.+-Force" | Should -HaveCount 1
        (Get-EdgeIngestor | Where-Object Id -EQ $Nearest).State | Should -Be 'selected'
        (Get-LiveChannel -Id $stream.Id).StreamKey | Should -Be $first.StreamKey -Because "the first selection's OBS settings still work"
    }

    It 'with -Id of the ingestor it already has returns the current selection' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id -Id $Nearest
        Clear-EmulatorRequest

        $again = Select-EdgeIngestor -ChannelId $stream.Id -Id $Nearest.ToLowerInvariant()

        $again.StreamKey | Should -Be $first.StreamKey
        Get-SelectRequest | Should -BeNullOrEmpty
    }

    It 'with -Id of another ingestor refuses (IngestorAlreadySelected) and keeps the selection' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id
        Clear-EmulatorRequest

        $result = Select-EdgeIngestor -ChannelId $stream.Id -Id $Second -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        Get-ErrorIds $failures | Should -Be 'LiveStream.IngestorAlreadySelected'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject | Should -Be $stream.Id
        $failures[0].Exception.Message | Should -Match "already has Edge Ingestor $Nearest"
        $failures[0].Exception.Message | Should -Match '-Force'
        $failures[0].Exception.Message | Should -Match 'Disconnect-EdgeIngestor'
        $failures[0].Exception.Message | Should -Not -Match ([regex]::Escape($first.StreamKey))
        Get-SelectRequest | Should -BeNullOrEmpty
        (Get-LiveChannel -Id $stream.Id).StreamKey | Should -Be $first.StreamKey
    }

    It 'with -Force moves the stream to the ingestor named by -Id: new server and key, the old ingestor is available' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id

        $moved = Select-EdgeIngestor -ChannelId $stream.Id -Id $Second -Force

        $moved.IngestorId | Should -Be $Second
        $moved.StreamKey | Should -Not -Be $first.StreamKey
        (Get-EdgeIngestor | Where-Object Id -EQ $Nearest).State | Should -Be 'available'
        (Get-LiveChannel -Id $stream.Id).IngestUrl | Should -Be $moved.IngestUrl
    }

    It 'with -Force and no -Id selects anew (the nearest available one)' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id

        $again = Select-EdgeIngestor -ChannelId $stream.Id -Force

        Get-SelectRequest | Should -HaveCount 2
        $again.StreamKey | Should -Not -Be $first.StreamKey
    }

    It 'keeps a live broadcast: a stream on air returns its selection, and -Id elsewhere is refused' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id
        $null = Invoke-EmulatorControl -Path theta/encoder/publish -Body @{ stream_server = $first.IngestUrl; stream_key = $first.StreamKey }

        (Select-EdgeIngestor -ChannelId $stream.Id).StreamKey | Should -Be $first.StreamKey
        Select-EdgeIngestor -ChannelId $stream.Id -Id $Second -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be 'LiveStream.IngestorAlreadySelected'
        (Get-LiveChannel -Id $stream.Id).Status | Should -Be 'on'
    }

    It 'piped streams: each keeps or gets its own, in input order' {
        $other = New-LiveChannel -Name 'second'
        $kept = Select-EdgeIngestor -ChannelId $stream.Id

        $selections = $stream, $other | Select-EdgeIngestor

        $selections.ChannelId | Should -Be $stream.Id, $other.Id
        $selections[0].StreamKey | Should -Be $kept.StreamKey
        $selections[1].IngestorId | Should -Not -Be $kept.IngestorId
    }

    It '-WhatIf sends nothing, not even the look-up' {
        Select-EdgeIngestor -ChannelId $stream.Id -WhatIf
        Get-EmulatorRequest | Should -BeNullOrEmpty
    }

    It 'is Theta only: a piped Sigma channel is refused before any request, the next stream goes on' {
        Connect-TestSigma
        $sigmaChannel = New-LiveChannel -Name 'Evening news' -Connection (Get-LiveStreamConnection -Vendor Sigma)
        Clear-EmulatorRequest

        $selections = $sigmaChannel, $stream | Select-EdgeIngestor -ErrorVariable failures -ErrorAction SilentlyContinue

        Get-ErrorIds $failures | Should -Be 'LiveStream.InvalidId'
        $failures[0].TargetObject | Should -Be $sigmaChannel.Id
        $selections.ChannelId | Should -Be $stream.Id
        Get-EmulatorRequest -PathLike '/api/*' | Should -BeNullOrEmpty
    }

    It 'Start-LiveChannel after Select-EdgeIngestor keeps the selection (the same rule)' {
        $first = Select-EdgeIngestor -ChannelId $stream.Id
        $started = $stream | Start-LiveChannel -PassThru
        $started.StreamKey | Should -Be $first.StreamKey
    }
}
