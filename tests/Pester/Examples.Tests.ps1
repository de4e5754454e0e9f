<#
Every example is a test: each code block of README.md, each EXAMPLE of every docs/<Verb-Noun>.md, the examples of
docs/about_LiveStream.md (its Azure Automation runbook among them) and examples/quickstart.ps1 run against the emulator.
The blocks are read from the files when the tests are discovered, so a docs change that breaks an example fails here.

Rules
- What runs: a block fenced as ```powershell (or pwsh, ps1). Blocks with any other fence (```bash: shell commands such
  as the build and the emulator's start, ``` with no language: layout listings, ```yaml) are listed as skipped tests
  named after their fence; cmdlet pages contribute only the blocks under ## EXAMPLES.
- A block in the help's prompt style (PS C:\> ...) is split into commands and the output the page shows: a command
  goes on over the next lines while it does not parse as complete; the other lines are output. Documented output is
  checked: each line must appear in what the example printed (values that vary, such as ids, keys, addresses, times
  and numbers, match any value of their form), and of a table its column headers.
- Every example must run with no error record (and no terminating error); where the setup names an output type, an
  object of that type must come out; an Expect block checks what the example claims.
- Set-up comes from $ExampleSetups below, keyed by the block's key (the test name before the file:line): Arrange runs
  in this test's scope before the example (connections, channels, sessions, stub data, variables the example uses such
  as $channel) and may set $Replace, a table of sample values of the page (the ids it shows, 'stream_...') and what
  stands for them here (the ids of what Arrange made). That is the only change made to an example's text, besides the
  documented emulator address http://127.0.0.1:5080, which becomes the address of the suite's emulator.
- Interactive or sandbox-only commands are stubs defined by the test ($ExampleStubs): Get-Credential (the credentials
  in $ExampleCredentials, a queue, else the emulator's Sigma account), Get-Secret, Get-AutomationPSCredential and
  Get-AutomationVariable (by name: *Sigma*, *Theta*, S3*, SigmaAppId), Read-Host. Connect-LiveStream without -BaseUri
  reaches the emulator through $PSDefaultParameterValues, as a user could set it too.
- NewProcess: the example runs in a new non-interactive pwsh (after the stubs and the set-up's Prelude), for examples
  that import the module by path, install it, or whose output is host text (-WhatIf).
- Pending: an example that waits on another engineer's fix (the reason names the issue, the defect and the owner) still
  runs; when it fails, the test is reported as skipped with that reason and the failure. Remove the entry once fixed.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'ExampleBlocks.psm1') -Force
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $pages = @(Get-Item (Join-Path $root 'README.md')) +
        @(Get-ChildItem (Join-Path $root 'docs') -Filter '*-*.md' | Sort-Object Name) +
        @(Get-Item (Join-Path $root 'docs/about_LiveStream.md'))
    $blocks = foreach ($page in $pages) {
        Get-ExampleBlock -Path $page.FullName -Name ([System.IO.Path]::GetRelativePath($root, $page.FullName) -replace '\\', '/')
    }
    $runnable = @($blocks | Where-Object Runs | ForEach-Object { @{ Block = $_; Key = $_.Key; Where = "$($_.File):$($_.Line)" } })
    $notRun = @($blocks | Where-Object { -not $_.Runs } | ForEach-Object {
            @{ Key = $_.Key; Where = "$($_.File):$($_.Line)"; Language = $_.Language } })
    $keys = @($runnable | ForEach-Object Key)
    $readmeFlow = @('README.md "Use it" #2', 'README.md "Channels (Sigma)"', 'README.md "Sessions and events (Sigma)"' |
        ForEach-Object { $key = $_; $blocks | Where-Object Key -EQ $key })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
    Import-Module (Join-Path $PSScriptRoot 'ExampleBlocks.psm1') -Force
    $script:Root = Get-RepositoryRoot
    $script:BaseUri = (Get-TestBaseUri).AbsoluteUri.TrimEnd('/')
    $script:SampleIds = @{
        Channel  = '42efeee4-e94e-4444-b0a6-90850413519d'
        Stream   = 'stream_3h1gq7x2m9k4b8v6c0n5p1z2w'
        Stream2  = 'stream_8d0kx5r2t7y1u4i9o3p6a2s5d'
    }

    $script:ExampleStubs = {
        function Get-Credential {
            param([Parameter(Position = 0)] [object] $Credential, [string] $Message, [string] $Title, [string] $UserName)
            $queue = Get-Variable -Name ExampleCredentials -ValueOnly -ErrorAction Ignore
            if ($queue -and $queue.Count) { return $queue.Dequeue() }
            Get-SigmaTestCredential
        }
        function Get-Secret {
            param([Parameter(Position = 0)] [string] $Name, [string] $Vault, [switch] $AsPlainText)
            switch -Wildcard ($Name) {
                '*Sigma*' { Get-SigmaTestCredential }
                '*Theta*' { Get-ThetaTestCredential }
                'S3*' { New-TestCredential -UserName 'AKIAEXAMPLEEMULATOR0' -Secret 'example-s3-secret-key-0001' }
                default { throw "Get-Secret: the test's vault has no secret named '$Name'." }
            }
        }
        function Get-AutomationPSCredential { param([Parameter(Mandatory)] [string] $Name) Get-Secret -Name $Name }
        function Get-AutomationVariable {
            param([Parameter(Mandatory)] [string] $Name)
            if ($Name -ne 'SigmaAppId') { throw "Get-AutomationVariable: the test's account has no variable asset '$Name'." }
            Get-SigmaTestAppId
        }
        function Read-Host {
            param([Parameter(Position = 0)] [object] $Prompt, [switch] $AsSecureString)
            if ($AsSecureString) { ConvertTo-SecureString -String 'example-typed-secret' -AsPlainText -Force } else { 'typed' }
        }
    }

    function script:New-SigmaChannel {
        param([string] $Name = 'Town hall', [string[]] $Tag = @())
        $arguments = @{ Name = $Name; Connection = (Get-LiveStreamConnection -Vendor Sigma | Select-Object -First 1) }
        if ($Tag) { $arguments.Tag = $Tag }
        New-LiveChannel @arguments
    }

    function script:New-ThetaStream {
        param([string] $Name = 'weekly-show')
        New-LiveChannel -Name $Name -Connection (Get-LiveStreamConnection -Vendor Theta | Select-Object -First 1)
    }

    # Keyed by the block's key (file and example); see the rules at the top.
    $script:ExampleSetups = @{
        'README.md "Install" #2'                                      = @{
            NewProcess = $true
            Arrange    = {
                $work = Join-Path $TestDrive 'work'
                $home_ = Join-Path $TestDrive 'home'
                $null = New-Item -ItemType Directory -Path (Join-Path $work 'out'), $home_
                $packaged = Get-Module LiveStream | Select-Object -First 1
                Copy-Item -Recurse -LiteralPath (Split-Path -Parent $packaged.ModuleBase) -Destination (Join-Path $work 'out/LiveStream')
                $ProcessOptions = @{
                    WorkingDirectory = $work
                    # A fresh profile: no Documents folder yet; only the folder the README copies to is searched.
                    Environment      = @{
                        HOME = $home_; USERPROFILE = $home_
                        PSModulePath = (Join-Path $home_ 'Documents/PowerShell/Modules')
                    }
                }
            }
            Epilogue   = '"base=$((Get-Module LiveStream).ModuleBase)"'
            Expect     = {
                $Printed | Should -Match ([regex]::Escape((Join-Path $TestDrive 'home/Documents/PowerShell/Modules/LiveStream/')))
            }
        }
        'README.md "Use it"'                                          = @{
            NewProcess = $true
            Arrange    = { $ProcessOptions = @{ WorkingDirectory = $Root } }
            Prelude    = {
                $ExampleCredentials = [System.Collections.Queue]::new(@((Get-SigmaTestCredential), (Get-ThetaTestCredential)))
            }
            Expect     = {
                $Printed | Should -Match 'Sigma\s+Sigma\s+0c787e24'
                $Printed | Should -Match 'Theta\s+Theta\s+srvacc_'
            }
        }
        'README.md "Use it" #2'                                       = @{
            Arrange = { $appId = Get-SigmaTestAppId }
            Expect  = { @(Get-LiveStreamConnection).Vendor | Should -Be 'Sigma', 'Theta' }
        }
        'README.md "Channels (Sigma)"'                                = @{
            Arrange = {
                Connect-TestSigma; Connect-TestTheta   # as the README's "Use it" leaves the session
                $null = New-SigmaChannel -Name 'test-rehearsal'
            }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = {
                $channel.Provider | Should -Be 'Sigma'
                $left = @(Get-LiveChannel -Connection (Get-LiveStreamConnection -Vendor Sigma))
                $left.Name | Should -Be 'Evening news'
                $left.Status | Should -Be 'stop'
            }
        }
        'README.md "Sessions and events (Sigma)"'                     = @{
            Arrange = { Connect-TestSigma; $channel = New-SigmaChannel -Name 'Evening news'; Set-EmulatorEncoder -DelayMs 200 }
            Type    = 'LiveStream.Model.LiveSessionStatus'
            Expect  = {
                $session.Status | Should -Be 'live'
                @($Objects | Where-Object { $_.PSObject.TypeNames -contains 'LiveStream.Model.LiveSessionEvent' }).Count | Should -BeGreaterThan 0
                ($Objects | Where-Object { $_.PSObject.TypeNames -contains 'LiveStream.Model.LiveSessionStatus' }).Status | Should -Be 'live'
            }
        }
        'README.md "Theta Edge Ingestors"'                            = @{
            Arrange = { Connect-TestTheta; $stream = New-ThetaStream; $Replace = @{ 'stream_...' = $stream.Id } }
            Type    = 'LiveStream.Model.EdgeIngestor'
            Expect  = {
                $selection.ChannelId | Should -Be $stream.Id
                $Printed | Should -Match 'Server: rtmp://'
                @(Get-EdgeIngestor -State Selected | Where-Object Id -EQ $selection.IngestorId) | Should -BeNullOrEmpty
            }
        }
        'README.md "Theta streams through the channel cmdlets"'       = @{
            Arrange = { Connect-TestTheta }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { (Get-LiveChannel -Id $stream.Id).Status | Should -Be 'off' }
        }
        'docs/Connect-LiveStream.md Example 1'                        = @{
            Expect = { (Get-LiveStreamConnection -Vendor Sigma).AccountId | Should -Be (Get-SigmaTestAppId) }
        }
        'docs/Connect-LiveStream.md Example 2'                        = @{
            Type   = 'LiveStream.Model.LiveStreamConnection'
            Expect = { $Objects[0].Name | Should -Be 'theta-prod' }
        }
        'docs/Connect-LiveStream.md Example 3'                        = @{
            Arrange = { $appId = Get-SigmaTestAppId }
            Expect  = { (Get-LiveStreamConnection -Vendor Sigma).BaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $BaseUri }
        }
        'docs/Disconnect-EdgeIngestor.md Example 1'                   = @{
            Arrange = { Connect-TestTheta; $Replace = @{ $SampleIds.Stream = (New-ThetaStream).Id } }
        }
        'docs/Disconnect-EdgeIngestor.md Example 2'                   = @{
            Arrange = {
                Connect-TestTheta
                $null = Select-EdgeIngestor -Id 0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A -ChannelId (New-ThetaStream).Id
            }
            Expect  = { (Get-EdgeIngestor | Where-Object Id -EQ 0x093D7e6936fbd2e86f72DB6A5060CbC1535A232A).State | Should -Be 'available' }
        }
        'docs/Disconnect-EdgeIngestor.md Example 3'                   = @{
            Arrange = { Connect-TestTheta; $null = Select-EdgeIngestor -ChannelId (New-ThetaStream).Id }
            Expect  = { @(Get-EdgeIngestor -State Selected) | Should -BeNullOrEmpty }
        }
        'docs/Disconnect-LiveStream.md Example 1'                     = @{
            Arrange = { Connect-TestTheta -Name 'theta-prod'; Connect-TestSigma }
            Expect  = { (Get-LiveStreamConnection).Name | Should -Be 'Sigma' }
        }
        'docs/Disconnect-LiveStream.md Example 2'                     = @{
            Arrange = { Connect-TestTheta; Connect-TestTheta -Account b -Name thetaB; Connect-TestSigma }
            Expect  = { (Get-LiveStreamConnection).Vendor | Should -Be 'Sigma' }
        }
        'docs/Disconnect-LiveStream.md Example 3'                     = @{
            Arrange = { Connect-TestTheta; Connect-TestSigma }
            Expect  = { Get-LiveStreamConnection | Should -BeNullOrEmpty }
        }
        'docs/Get-EdgeIngestor.md Example 1'                          = @{ Arrange = { Connect-TestTheta }; Type = 'LiveStream.Model.EdgeIngestor' }
        'docs/Get-EdgeIngestor.md Example 2'                          = @{
            Arrange = { Connect-TestTheta }
            Type    = 'LiveStream.Model.EdgeIngestor'
            Expect  = { $Objects.Count | Should -Be 1; $Objects[0].Rank | Should -Be 1 }
        }
        'docs/Get-EdgeIngestor.md Example 3'                          = @{
            Arrange = { Connect-TestTheta -Name theta-prod; $null = Select-EdgeIngestor -ChannelId (New-ThetaStream).Id }
            Type    = 'LiveStream.Model.EdgeIngestor'
            Expect  = { $Objects.State | Sort-Object -Unique | Should -Be 'busy', 'selected' }
        }
        'docs/Get-LiveChannel.md Example 1'                           = @{
            Arrange = { Connect-TestSigma; $null = New-SigmaChannel }
            Type    = 'LiveStream.Model.LiveChannel'
        }
        'docs/Get-LiveChannel.md Example 2'                           = @{
            Arrange = { Connect-TestSigma; $idle = New-SigmaChannel -Name 'idle'; $active = New-SigmaChannel | Start-LiveChannel -PassThru }
            Expect  = { (Get-LiveChannel).Status | Should -Be 'idle', 'stop' }
        }
        'docs/Get-LiveChannel.md Example 3'                           = @{
            Arrange = { Connect-TestSigma; $null = New-SigmaChannel -Name 'Kênh thời sự'; $null = New-SigmaChannel -Name 'Town hall' }
            Expect  = { $Printed | Should -Match 'Name\s+: Kênh thời sự'; $Printed | Should -Match 'StreamKey\s+: \S+'; $Printed | Should -Not -Match 'Town hall' }
        }
        'docs/Get-LiveChannel.md Example 4'                           = @{
            Arrange = { Connect-TestTheta; $on = New-ThetaStream; $null = New-ThetaStream -Name 'rehearsal'; $null = Start-TestThetaBroadcast -Stream $on }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Id | Should -Be $on.Id }
        }
        'docs/Get-LiveChannel.md Example 5'                           = @{
            Arrange = {
                Connect-TestSigma
                $null = 1..112 | ForEach-Object { "channel-$_" } | New-LiveChannel -ThrottleLimit 1   # in order: the list is by creation time
                Clear-EmulatorRequest
            }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = {
                $Objects[0] | Should -Be 112
                @($Objects | Select-Object -Skip 1).Name | Should -Be (101..110 | ForEach-Object { "channel-$_" })
                $lists = @(Get-EmulatorRequest -PathLike '/api/livestream/channels' -Method GET)
                $lists.Count | Should -Be 1 -Because 'the page says it reads page 2 only'
                $lists[0].Query | Should -Match '[?&]page=2&perPage=100$'
            }
        }
        'docs/Get-LiveSession.md Example 1'                           = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel
                1..6 | ForEach-Object { $null = Start-TestSigmaSession -Channel $channel -End }
            }
            Type    = 'LiveStream.Model.LiveSession'
            Expect  = { $Objects.Count | Should -Be 5 }
        }
        'docs/Get-LiveSession.md Example 2'                           = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel
                $null = Start-TestSigmaSession -Channel $channel -End
                $Replace = @{ $SampleIds.Channel = $channel.Id }
            }
            Expect  = { $Objects | Should -Match '^Town hall_\S+ +\d{2}:\d{2}:\d{2}' }
        }
        'docs/Get-LiveSessionEvent.md Example 1'                      = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel; $null = Start-TestSigmaSession -Channel $channel
                $Replace = @{ $SampleIds.Channel = $channel.Id }
            }
            Type    = 'LiveStream.Model.LiveSessionEvent'
            Expect  = { $Printed | Should -Match 'Time\s+Action\s+Actor\s+Message' }
        }
        'docs/Get-LiveSessionEvent.md Example 2'                      = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel; $channelId = $channel.Id
                $null = Start-TestSigmaSession -Channel $channel -Interrupt -End
                $null = Start-TestSigmaSession -Channel $channel -Interrupt
            }
            Type    = 'LiveStream.Model.LiveSessionEvent'
            Expect  = { $Objects.Action | Should -Be 'interrupted', 'restored', 'interrupted', 'restored' -Because 'two sessions, each interrupted once' }
        }
        'docs/Get-LiveSessionEvent.md Example 3'                      = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel -Name 'Town hall'; $null = Start-TestSigmaSession -Channel $channel
                # The signal drops twice and comes back; then the channel is stopped, which ends the follow.
                Invoke-EmulatorSchedule -Steps @(
                    @{ afterMs = 200; action = 'interrupt'; channelId = $channel.Id },
                    @{ afterMs = 100; action = 'restore'; channelId = $channel.Id },
                    @{ afterMs = 100; action = 'interrupt'; channelId = $channel.Id },
                    @{ afterMs = 100; action = 'restore'; channelId = $channel.Id },
                    @{ afterMs = 100; action = 'stop'; channelId = $channel.Id })
                $Replace = @{ '-TimeoutSec 14400' = '-TimeoutSec 30' }   # the night's four hours; a regression fails in 30 s, not 4 h
            }
            Expect  = {
                $warnings = @($Printed -split "\r?\n" | Where-Object { $_ -match '^WARNING: .+: signal lost \(.+\)$' })
                $warnings.Count | Should -Be 2 -Because 'the signal was interrupted twice'
                (Get-LiveChannel -Id $channel.Id).Status | Should -Be 'stop'
            }
        }
        'docs/Get-LiveSessionStatus.md Example 1'                     = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel; $null = Start-TestSigmaSession -Channel $channel
                $Replace = @{ $SampleIds.Channel = $channel.Id }
            }
            Type    = 'LiveStream.Model.LiveSessionStatus'
            Expect  = { $Objects.Status | Should -Be 'live' }
        }
        'docs/Get-LiveSessionStatus.md Example 2'                     = @{
            Arrange = { Connect-TestSigma; $null = New-SigmaChannel -Name 'Town hall'; Set-EmulatorEncoder -DelayMs 200 }
            Type    = 'LiveStream.Model.LiveSessionStatus'
            Expect  = {
                $channel.CurrentSessionId | Should -BeNullOrEmpty -Because 'the page says $channel was read before the encoder published'
                $Objects.Status | Should -Be 'live'
                $Objects.SessionId | Should -Be (Get-LiveChannel -Id $channel.Id).CurrentSessionId
            }
        }
        'docs/Get-LiveSessionStatus.md Example 3'                     = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel; $channelId = $channel.Id
                1..3 | ForEach-Object { $null = Start-TestSigmaSession -Channel $channel -End }
                $null = Start-TestSigmaSession -Channel $channel
            }
            Type    = 'LiveStream.Model.LiveSessionStatus'
            Expect  = { $Objects.Status | Should -Be 'live', 'ended', 'ended', 'ended' }
        }
        'docs/Get-LiveStreamConnection.md Example 1'                  = @{
            Arrange = { Connect-TestSigma; Connect-TestTheta -Name thetaA }
            Type    = 'LiveStream.Model.LiveStreamConnection'
        }
        'docs/Get-LiveStreamConnection.md Example 2'                  = @{
            Arrange = { Connect-TestSigma -Name 'sigma-prod'; $null = Start-TestSigmaSession -Channel (New-SigmaChannel) }
            Type    = 'LiveStream.Model.LiveSession'
        }
        'docs/Get-LiveStreamConnection.md Example 3'                  = @{
            Arrange = { Connect-TestTheta -Name 'theta-prod'; Connect-TestTheta -Account b -Name 'backup'; Connect-TestSigma -Name 'theta-lookalike' }
            Type    = 'LiveStream.Model.LiveStreamConnection'
            Expect  = { $Objects.Name | Should -Be 'theta-prod' }
        }
        'docs/New-LiveChannel.md Example 1'                           = @{
            Arrange = { Connect-TestSigma }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Status | Should -Be 'idle'; $Objects.Mode | Should -Be 'ultra-low-latency' }
        }
        'docs/New-LiveChannel.md Example 2'                           = @{
            Arrange = { Connect-TestSigma }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Name | Should -Be 'Kênh thời sự' }
        }
        'docs/New-LiveChannel.md Example 3'                           = @{
            Arrange = {
                Connect-TestSigma
                $names = 1..12 | ForEach-Object { "Episode $_" }
                Set-Content -LiteralPath (Join-Path $TestDrive 'channels.txt') -Value $names -Encoding utf8
                Push-Location -LiteralPath $TestDrive
            }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Name | Should -Be $names; $Objects[0].Tags | Should -Be 'season-2' }
        }
        'docs/New-LiveChannel.md Example 4'                           = @{
            Arrange = { Connect-TestTheta }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Provider | Should -Be 'Theta'; $Objects.Status | Should -Be 'off' }
        }
        'docs/New-LiveS3Destination.md Example 1'                     = @{
            Arrange = { Connect-TestSigma }
            Type    = 'LiveStream.Model.LiveChannel'
        }
        'docs/New-LiveS3Destination.md Example 2'                     = @{ Type = 'LiveStream.Model.LiveS3Destination' }
        'docs/Remove-LiveChannel.md Example 1'                        = @{
            Arrange = { Connect-TestSigma; $Replace = @{ $SampleIds.Channel = (New-SigmaChannel).Id } }
            Expect  = { Get-LiveChannel | Should -BeNullOrEmpty }
        }
        'docs/Remove-LiveChannel.md Example 2'                        = @{
            Arrange = {
                Connect-TestSigma
                $null = 'test-1', 'test-2', 'news' | New-LiveChannel
                Push-Location -LiteralPath $TestDrive
            }
            Expect  = {
                (Import-Clixml (Join-Path $TestDrive 'removed-channels.xml')).Name | Sort-Object | Should -Be 'test-1', 'test-2'
                (Get-LiveChannel).Name | Should -Be 'news'
            }
        }
        'docs/Select-EdgeIngestor.md Example 1'                       = @{
            Arrange = { Connect-TestTheta; $Replace = @{ $SampleIds.Stream = (New-ThetaStream).Id } }
        }
        'docs/Select-EdgeIngestor.md Example 2'                       = @{
            Arrange = { Connect-TestTheta; $Replace = @{ $SampleIds.Stream = (New-ThetaStream).Id } }
            Type    = 'LiveStream.Model.IngestorSelection'
            Expect  = { $Objects.IngestorId | Should -Be 0xaCe1F1d6E6284eF39ff55Ed7b5765b659b70Ca9f }
        }
        'docs/Select-EdgeIngestor.md Example 3'                       = @{
            Arrange = {
                Connect-TestTheta
                $first = New-ThetaStream; $second = New-ThetaStream -Name 'second'
                $Replace = @{ $SampleIds.Stream = $first.Id; $SampleIds.Stream2 = $second.Id }
            }
            Type    = 'LiveStream.Model.IngestorSelection'
            Expect  = {
                $Objects.ChannelId | Should -Be $first.Id, $second.Id
                $Objects.IngestorId | Select-Object -Unique | Should -HaveCount 2
            }
        }
        'docs/Select-EdgeIngestor.md Example 4'                       = @{
            NewProcess = $true
            Arrange    = { $stream = New-ThetaStreamFromNewConnection; $Replace = @{ $SampleIds.Stream = $stream.Id } }
            Prelude    = { Connect-TestTheta }
            Expect     = { Get-EmulatorRequest -Method PUT | Should -BeNullOrEmpty }
        }
        'docs/Select-EdgeIngestor.md Example 5'                       = @{
            Arrange = {
                Connect-TestTheta; $stream = New-ThetaStream; $first = Select-EdgeIngestor -ChannelId $stream.Id
                $Replace = @{ $SampleIds.Stream = $stream.Id }
            }
            Expect  = {
                $moved.IngestorId | Should -Be 0xaCe1F1d6E6284eF39ff55Ed7b5765b659b70Ca9f
                $moved.StreamKey | Should -Not -Be $first.StreamKey
            }
        }
        'docs/Start-LiveChannel.md Example 1'                         = @{
            Arrange = { Connect-TestSigma; $Replace = @{ $SampleIds.Channel = (New-SigmaChannel).Id } }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Status | Should -Be 'active' }
        }
        'docs/Start-LiveChannel.md Example 2'                         = @{
            Arrange = {
                Connect-TestSigma
                $tonight = New-SigmaChannel -Name 'tonight' -Tag tonight
                $null = New-SigmaChannel -Name 'tomorrow' -Tag tomorrow
            }
            Expect  = { (Get-LiveChannel | Where-Object Status -EQ 'active').Id | Should -Be $tonight.Id }
        }
        'docs/Start-LiveChannel.md Example 3'                         = @{
            Arrange = { Connect-TestTheta; $null = New-ThetaStream }
            Expect  = { $Objects[0] | Should -Match '^rtmp://'; $Objects[1] | Should -Match '^\S{16,}$' }
        }
        'docs/Stop-LiveChannel.md Example 1'                          = @{
            Arrange = { Connect-TestSigma; $null = New-SigmaChannel -Name 'idle'; $null = New-SigmaChannel | Start-LiveChannel }
            Expect  = { (Get-LiveChannel).Status | Should -Be 'idle', 'stop' }
        }
        'docs/Stop-LiveChannel.md Example 2'                          = @{
            Arrange = { Connect-TestSigma; $channel = New-SigmaChannel | Start-LiveChannel -PassThru }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = { $Objects.Status | Should -Be 'stop' }
        }
        'docs/Stop-LiveChannel.md Example 3'                          = @{
            Arrange = { Connect-TestTheta; $on = New-ThetaStream; $null = Start-TestThetaBroadcast -Stream $on }
            Expect  = { (Get-LiveChannel -Id $on.Id).Status | Should -Be 'off'; Get-EdgeIngestor -State Selected | Should -BeNullOrEmpty }
        }
        'docs/Wait-LiveChannel.md Example 1'                          = @{
            Arrange = { Connect-TestSigma; $null = New-SigmaChannel; Set-EmulatorEncoder -DelayMs 200 }
            Expect  = { $session.Status | Should -Be 'live'; $Objects | Should -Match '^Live since .+: watch at http' }
        }
        'docs/Wait-LiveChannel.md Example 2'                          = @{
            Arrange = {
                Connect-TestSigma
                $night = @('event-a', 'event-b', 'event-c' | ForEach-Object { New-SigmaChannel -Name $_ })
                $null = New-SigmaChannel -Name 'rehearsal'
                Set-EmulatorEncoder -DelayMs 200
                $Replace = @{ '-TimeoutSec 600' = '-TimeoutSec 30' }
            }
            Expect  = {
                $Objects | Should -Contain '3 channels are live'
                @($live | Where-Object { $_.PSObject.TypeNames -contains 'LiveStream.Model.LiveSession' }).ChannelId |
                    Sort-Object | Should -Be ($night.Id | Sort-Object)
                $notLive | Should -BeNullOrEmpty
                (Get-LiveChannel -Name 'rehearsal').Status | Should -Be 'idle'
            }
        }
        'docs/Wait-LiveChannel.md Example 3'                          = @{
            Arrange = {
                $theta = Connect-TestTheta -PassThru; $stream_ = New-ThetaStream
                # OBS pushes once an ingestor is selected for the stream (the emulator's encoder tries every 300 ms).
                Invoke-EmulatorSchedule -Steps @(1..20 | ForEach-Object { @{ afterMs = 300; action = 'publish'; streamId = $stream_.Id } })
                $Replace = @{ '-TimeoutSec 300' = '-TimeoutSec 30' }
            }
            Type    = 'LiveStream.Model.LiveChannel'
            Expect  = {
                $Printed | Should -Match 'IngestUrl\s+: rtmp://'
                $Printed | Should -Match 'StreamKey\s+: \S+'
                $Objects[-1].Id | Should -Be $stream_.Id
                $Objects[-1].Status | Should -Be 'on'
            }
        }
        'docs/Wait-LiveChannel.md Example 4'                          = @{
            Arrange = {
                Connect-TestSigma; $channel = New-SigmaChannel; $null = Start-TestSigmaSession -Channel $channel
                $encoder = Start-EncoderStopOnWatch -BaseUri $BaseUri -ChannelId $channel.Id -StreamKey (Get-LiveChannel -Id $channel.Id).StreamKey
                $Replace = @{ $SampleIds.Channel = $channel.Id; '-TimeoutSec 14400' = '-TimeoutSec 30' }
            }
            Expect  = {
                $encoder | Wait-Job -Timeout 30 | Receive-Job -ErrorAction Stop
                $Objects | Should -BeOfType [timespan]
            }
        }
        'docs/about_LiveStream.md "Example 1"'                        = @{
            Arrange   = {
                Connect-TestSigma; $channel = New-SigmaChannel -Name 'Town hall'
                Get-LiveStreamConnection | Disconnect-LiveStream   # a runbook job starts with no connection
                Set-EmulatorEncoder -DelayMs 200
            }
            Arguments = @{ ChannelName = 'Town hall'; BroadcastMinutes = 0 }
            Expect    = {
                $Objects[0] | Should -Match "^Started 'Town hall'\. Encoder: rtmp://"
                $Objects | Should -Contain "Stopped 'Town hall'."
                @($Objects | Where-Object { $_ -match '^\d{4}-\d\d-\d\d .+ (initialize|start|stable) ' }).Count | Should -BeGreaterOrEqual 3
                Get-LiveStreamConnection | Should -BeNullOrEmpty
                Connect-TestSigma; (Get-LiveChannel -Id $channel.Id).Status | Should -Be 'stop'
            }
        }
        'docs/about_LiveStream.md "Example 3"'                        = @{
            Arrange   = {
                Connect-TestSigma -Name setup
                $null = 'event-a', 'event-b', 'event-c', 'rehearsal' | ForEach-Object { New-SigmaChannel -Name $_ }
                Get-LiveStreamConnection | Disconnect-LiveStream   # a runbook job starts with no connection
                # As tests/Pester/EventNight.Tests.ps1: event-a's signal drops twice, event-b's once, event-c's encoder never connects.
                Set-EmulatorEncoderScript -DelayMs 200 -Silent 'event-c' -Channels @{
                    'event-a' = @(
                        @{ afterMs = 300; action = 'interrupt' }, @{ afterMs = 200; action = 'restore' },
                        @{ afterMs = 200; action = 'interrupt' }, @{ afterMs = 200; action = 'restore' })
                    'event-b' = @(@{ afterMs = 400; action = 'interrupt' }, @{ afterMs = 300; action = 'restore' })
                }
            }
            Arguments = @{ BaseUri = $BaseUri; LiveTimeoutSec = 2; FollowSec = 2 }
            Type      = 'LiveStream.EventNightSummary'
            Expect    = {
                $summary = @($Objects | Where-Object { $_.PSObject.TypeNames -contains 'LiveStream.EventNightSummary' })
                $summary.Channel | Should -Be 'event-a', 'event-b', 'event-c'
                $summary.Interruptions | Should -Be 2, 1, 0
                $summary[2].Session | Should -BeNullOrEmpty
                $Objects | Should -Contain 'Started 3 channels: event-a, event-b, event-c.'
                $Objects | Should -Contain '2 of 3 channels are live.'
                $Objects | Should -Contain 'Stopped 3 channels.'
                @($Objects | Where-Object { $_ -match ' event-a: signal interrupted ' }).Count | Should -Be 2
                $Printed | Should -Match 'WARNING: Not live: event-c\. '
                Get-LiveStreamConnection | Should -BeNullOrEmpty
                Connect-TestSigma
                (Get-LiveChannel -Name 'event-*').Status | Sort-Object -Unique | Should -Be 'stop'
                (Get-LiveChannel -Name 'rehearsal').Status | Should -Be 'idle'
            }
        }
        'docs/about_LiveStream.md "Example 2"'                        = @{
            Arrange = { Connect-TestSigma; $null = Start-TestSigmaSession -Channel (New-SigmaChannel); Get-LiveStreamConnection | Disconnect-LiveStream }
            Type    = 'LiveStream.Model.LiveSession'
        }
    }

    function script:New-ThetaStreamFromNewConnection {
        $connection = Connect-TestTheta -Name 'arrange' -PassThru
        $stream = New-LiveChannel -Name 'weekly-show' -Connection $connection
        $connection | Disconnect-LiveStream
        Clear-EmulatorRequest
        $stream
    }
}

Describe 'Every example is a test' {
    BeforeEach {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
        $locationDepth = (Get-Location -Stack).Count
    }

    AfterEach {
        while ((Get-Location -Stack).Count -gt $locationDepth) { Pop-Location }
        Get-LiveStreamConnection | Disconnect-LiveStream
        Reset-Emulator
    }

    It 'every set-up names an example that exists' -TestCases @{ Keys = $keys } {
        $stale = @($ExampleSetups.Keys | Where-Object { $_ -notin $Keys })
        $stale | Should -BeNullOrEmpty -Because 'a set-up whose example was renamed or removed no longer tests anything'
    }

    It '<Key> (<Where>)' -ForEach $runnable {
        $ErrorActionPreference = 'Continue'
        $setup = if ($ExampleSetups.ContainsKey($Key)) { $ExampleSetups[$Key] } else { @{} }
        try {
            $Replace = @{}
            $ProcessOptions = @{}
            . $ExampleStubs
            $PSDefaultParameterValues = @{ 'Connect-LiveStream:BaseUri' = $BaseUri }
            if ($setup.Arrange) { $null = . $setup.Arrange }

            $code = $Block.Code.Replace('http://127.0.0.1:5080', $BaseUri)
            foreach ($sample in $Replace.Keys) { $code = $code.Replace($sample, [string] $Replace[$sample]) }

            if ($setup.NewProcess) {
                $script = @(
                    "Import-Module '$(Join-Path $PSScriptRoot 'TestSupport.psm1')'"
                    $ExampleStubs.ToString()
                    "`$PSDefaultParameterValues = @{ 'Connect-LiveStream:BaseUri' = '$BaseUri' }"
                    if ($setup.Prelude) { $setup.Prelude.ToString() }
                    "`$ErrorActionPreference = 'Continue'"
                    $code
                    if ($setup.Epilogue) { $setup.Epilogue }
                ) -join "`n"
                $run = Invoke-NewPwsh -Script $script @ProcessOptions
                $Objects = @()
                $Printed = $run.Output
                $run.Error | Should -BeNullOrEmpty -Because 'the example must run with no error'
                $run.ExitCode | Should -Be 0
            }
            else {
                $example = [scriptblock]::Create($code)
                $arguments = if ($setup.Arguments) { $setup.Arguments } else { @{} }
                $records = if ($setup.Arguments) { @(& $example @arguments *>&1) } else { @(. $example *>&1) }
                $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                $errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty -Because 'the example must run with no error record'
                $Objects = @($records | Where-Object {
                        $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] -and
                        $_ -isnot [System.Management.Automation.InformationRecord] -and $_ -isnot [System.Management.Automation.DebugRecord] })
                $Printed = @(
                    $records | ForEach-Object {
                        if ($_ -is [System.Management.Automation.VerboseRecord]) { "VERBOSE: $($_.Message)" }
                        elseif ($_ -is [System.Management.Automation.WarningRecord]) { "WARNING: $($_.Message)" }
                    }
                    $Objects | Out-String -Width 160
                ) -join "`n"
            }
            $Printed = $Printed -replace '\e\[[0-9;?]*[A-Za-z]', ''

            if ($setup.Type) {
                @($Objects | Where-Object { $_.PSObject.TypeNames -contains $setup.Type }) |
                    Should -Not -BeNullOrEmpty -Because "the example promises $($setup.Type) objects"
            }

            $printedLines = @($Printed -split "\r?\n" | ForEach-Object TrimEnd)
            $documented = @($Block.Output)
            for ($i = 0; $i -lt $documented.Count; $i++) {
                if ($i + 1 -lt $documented.Count -and $documented[$i + 1] -match '^[\s-]+$' -and $documented[$i + 1] -match '-') {
                    $header = ($documented[$i] -split '\s+' | Where-Object { $_ }) -join ' '
                    $rendered = $printedLines | Where-Object { (($_ -split '\s+' | Where-Object { $_ }) -join ' ') -eq $header }
                    $rendered | Should -Not -BeNullOrEmpty -Because "the page shows a table with the columns '$header'"
                    $i = $documented.Count   # the rows hold values of this page's run
                    continue
                }
                $pattern = ConvertTo-OutputPattern -Line $documented[$i]
                @($printedLines -match $pattern) | Should -Not -BeNullOrEmpty -Because "the page shows the line '$($documented[$i])'"
            }

            if ($setup.Expect) { . $setup.Expect }
        }
        catch {
            if ($setup.Pending -and $_.FullyQualifiedErrorId -notmatch 'PesterTestSkipped|PesterTestPending') {
                Set-ItResult -Skipped -Because "waits on $($setup.Pending). It fails with: $($_.Exception.Message)"
            }
            else {
                throw
            }
        }
    }

    It '<Key> (<Where>) is not run: fence <Language>' -ForEach $notRun -Skip { }

    It 'the README''s sections, run one after the other in one session as a reader does' -TestCases @{ Flow = $readmeFlow } {
        $ErrorActionPreference = 'Continue'
        $Flow | Should -HaveCount 3 -Because 'the sections of the flow are found by their headings'
        try {
            . $ExampleStubs
            $PSDefaultParameterValues = @{ 'Connect-LiveStream:BaseUri' = $BaseUri }
            $appId = Get-SigmaTestAppId
            Set-EmulatorEncoder -DelayMs 200
            foreach ($section in $Flow) {
                $records = @(. ([scriptblock]::Create($section.Code)) *>&1)
                $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                $errors | ForEach-Object { "$($section.Key): $($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty
            }
            $session.Status | Should -Be 'live'
        }
        catch {
            Set-ItResult -Skipped -Because ('waits on issue 11 "Default connection across vendors" (conn: Get-LiveChannel lists ' +
                'only Theta, so the Sigma channel is not stopped), "Start/Stop are not desired-state" (rel: starting the ' +
                'still active channel is LiveStream.Conflict) and "A channel object read before the broadcast is stale" ' +
                "(follow). It fails with: $($_.Exception.Message)")
        }
    }
}

Describe 'examples/quickstart.ps1, run as its header says' {
    BeforeAll {
        $quickstart = Join-Path $Root 'examples/quickstart.ps1'
        function script:Invoke-Quickstart {
            param([string] $Extra = '')
            Invoke-NewPwsh -Script "& '$quickstart' -BaseUri '$BaseUri' $Extra" -WorkingDirectory $Root
        }
        function script:Get-ChannelChange {
            @(Get-EmulatorRequest -PathLike '/api/livestream/channels*' | Where-Object Method -NE 'GET' |
                ForEach-Object { '{0} {1}' -f $_.Method, ($_.Path -replace '[0-9a-f-]{36}', '{id}') })
        }
        function script:Get-EmulatorChannel {
            $connection = Connect-TestSigma -Name 'check' -PassThru
            try { @(Get-LiveChannel -Connection $connection) } finally { $connection | Disconnect-LiveStream }
        }
    }

    BeforeEach { Reset-Emulator }
    AfterAll { Reset-Emulator }

    It 'with the simulated encoder runs to the end, waits saying for what, and leaves no channel and no selection' {
        Set-EmulatorEncoder -DelayMs 300
        $run = Invoke-Quickstart

        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'Waiting up to 30 s for an encoder to publish to rtmp://\S+ with the channel''s StreamKey'
        $run.Output | Should -Match '== The broadcast is live: its session =='
        $run.Output | Should -Match 'Channels left: 0'
        $run.Output | Should -Match '== Theta: stop it'
        Get-ChannelChange | Should -Be 'POST /api/livestream/channels', 'PATCH /api/livestream/channels/{id}/start',
            'DELETE /api/livestream/channels/{id}/stop', 'DELETE /api/livestream/channels/{id}'
        Get-EmulatorChannel | Should -BeNullOrEmpty
        Connect-TestTheta
        Get-EdgeIngestor -State Selected | Should -BeNullOrEmpty
        (Get-LiveChannel).Status | Should -Be 'off'
        Get-LiveStreamConnection | Disconnect-LiveStream
    }

    It 'without an encoder fails within -LiveTimeoutSec with what to do, and stops and removes its channel' {
        $run = Invoke-Quickstart -Extra '-LiveTimeoutSec 2'

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'Waiting up to 2 s for an encoder to publish to rtmp://'
        $run.Output | Should -Not -Match 'The broadcast is live'
        $message = $run.Error -replace '\e\[[0-9;]*m', '' -replace '\s*\|\s*', ' ' -replace '\s+', ' '
        $message | Should -Match "Nothing published to channel 'quickstart-news' within 2 s"
        $message | Should -Match 'Start an encoder \(OBS, ffmpeg\) on rtmp://'
        $message | Should -Match '--simulate-encoder'
        $message | Should -Match ([regex]::Escape("PUT $BaseUri/_emulator/encoder with {`"delayMs`":1000}"))
        $run.Output | Should -Match 'Cleaned up: channel quickstart-news \([0-9a-f-]{36}\) is stopped and removed\.'
        Get-ChannelChange | Should -Be 'POST /api/livestream/channels', 'PATCH /api/livestream/channels/{id}/start',
            'DELETE /api/livestream/channels/{id}/stop', 'DELETE /api/livestream/channels/{id}'
        Get-EmulatorChannel | Should -BeNullOrEmpty
        Get-EmulatorRequest -PathLike '/ingestor/*' -Method PUT | Should -BeNullOrEmpty -Because 'it failed before the Theta part'
    }

    It 'run again after a failed run makes one channel, not a duplicate' {
        $null = Invoke-Quickstart -Extra '-LiveTimeoutSec 1'
        Set-EmulatorEncoder -DelayMs 300
        Clear-EmulatorRequest
        $run = Invoke-Quickstart

        $run.ExitCode | Should -Be 0
        $run.Output | Should -Not -Match 'left by an earlier run'
        @(Get-ChannelChange | Where-Object { $_ -like 'POST *' }).Count | Should -Be 1
        Get-EmulatorChannel | Should -BeNullOrEmpty
    }

    It 'removes the channel a killed run left behind before it makes its own' {
        Connect-TestSigma
        $leftover = New-LiveChannel -Name 'quickstart-news' -Description 'Made by quickstart.ps1' | Start-LiveChannel -PassThru
        $mine = New-LiveChannel -Name 'quickstart-news' -Description 'Mine, not the quickstart''s'
        Get-LiveStreamConnection | Disconnect-LiveStream
        Set-EmulatorEncoder -DelayMs 300
        $run = Invoke-Quickstart

        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match ("Removing quickstart-news \({0}\), left by an earlier run that did not finish" -f $leftover.Id)
        (Get-EmulatorChannel).Id | Should -Be $mine.Id -Because 'a channel of the same name that the quickstart did not make stays'
    }
}

Describe 'The demo: dotnet pwsh ./build.ps1 -Task Demo (README)' {
    It 'builds, packages, starts the emulator with its simulated encoder, runs the quickstart to the end and stops the emulator' {
        $run = Invoke-NewPwsh -Script "& ./build.ps1 -Task Demo; exit `$LASTEXITCODE" -WorkingDirectory $Root -TimeoutSec 600

        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match '# Emulator of Sigma and Theta listening on http://127\.0\.0\.1:\d+/ \(simulated encoder on\)'
        $run.Output | Should -Match '== The broadcast is live: its session =='
        $run.Output | Should -Match 'Channels left: 0'
        $run.Output | Should -Match '== Theta: stop it'
    }
}
