# What every Pester file of the suite shares: the packaged module, the emulator the runner started, its seeded
# accounts and control endpoints, and a new pwsh for what only a fresh process shows. Import it in BeforeAll:
#     BeforeAll { Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force; Initialize-LiveStreamTest }
Set-StrictMode -Version Latest

$script:SigmaAppId = '0c787e24-87a3-47da-a131-e8310f35aff7'
$script:SigmaUser = 'emulator-user'
$script:SigmaSecret = 'sigma-emulator-secret-key-0001'
$script:ThetaAccounts = @{
    a = @{ Id = 'srvacc_emulator0000000000000000a'; Secret = 'theta-emulator-secret-a-000000001' }
    b = @{ Id = 'srvacc_emulator0000000000000000b'; Secret = 'theta-emulator-secret-b-000000002' }
}

function Get-TestBaseUri {
    if (-not $env:LIVESTREAM_TEST_BASEURI) {
        throw 'No emulator: run the suite through build.ps1 -Task Test -Suite Pester [-PesterPath <file>].'
    }
    [uri] $env:LIVESTREAM_TEST_BASEURI
}

function Initialize-LiveStreamTest {
    <# Imports the module as a user does (by name, from $env:PSModulePath), resets the emulator, drops connections. #>
    Import-Module -Name LiveStream -Global
    Reset-Emulator
    Get-LiveStreamConnection | Disconnect-LiveStream
}

function Invoke-EmulatorControl {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'POST',
        [object] $Body
    )
    $uri = [uri]::new((Get-TestBaseUri), "_emulator/$($Path.TrimStart('/'))")
    $arguments = @{ Uri = $uri; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $arguments.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $arguments.ContentType = 'application/json'
    }
    Invoke-RestMethod @arguments
}

function Reset-Emulator {
    $null = Invoke-EmulatorControl -Path reset
    $null = Invoke-EmulatorControl -Path faults -Method DELETE
    $null = Invoke-EmulatorControl -Path encoder -Method PUT -Body @{ delayMs = $null }
}

function Set-EmulatorEncoder {
    <# The emulator's simulated encoder: publishes to each started Sigma channel DelayMs after the start; 0 = off. #>
    param([int] $DelayMs)
    $value = if ($DelayMs -gt 0) { $DelayMs } else { $null }
    $null = Invoke-EmulatorControl -Path encoder -Method PUT -Body @{ delayMs = $value }
}

function Get-EmulatorRequest {
    <# What arrived on the wire (vendor paths only), oldest first, one object per request, filtered by wildcards. #>
    param([string] $PathLike = '*', [string] $Method = '*', [string] $QueryLike = '*')
    # Invoke-RestMethod writes the JSON list as one object: ForEach-Object unrolls it, so the filter sees each request.
    Invoke-EmulatorControl -Path requests -Method GET | ForEach-Object { $_ } |
        Where-Object { $_.path -like $PathLike -and $_.method -like $Method -and
            [uri]::UnescapeDataString([string] $_.query) -like $QueryLike }
}

function Clear-EmulatorRequest { $null = Invoke-EmulatorControl -Path requests -Method DELETE }

function Add-EmulatorFault {
    param([Parameter(Mandatory)] [hashtable] $Rule)
    $null = Invoke-EmulatorControl -Path faults -Body $Rule
}

function New-TestCredential {
    param([Parameter(Mandatory)] [string] $UserName, [Parameter(Mandatory)] [string] $Secret)
    [pscredential]::new($UserName, (ConvertTo-SecureString -String $Secret -AsPlainText -Force))
}

function Get-SigmaTestCredential { New-TestCredential -UserName $script:SigmaUser -Secret $script:SigmaSecret }

function Get-ThetaTestCredential {
    param([ValidateSet('a', 'b')] [string] $Account = 'a')
    New-TestCredential -UserName $script:ThetaAccounts[$Account].Id -Secret $script:ThetaAccounts[$Account].Secret
}

function Get-SigmaTestAppId { $script:SigmaAppId }

function Connect-TestSigma {
    <# Connect-LiveStream -Sigma to the emulator with its seeded account. #>
    param([string] $Name, [switch] $PassThru, [hashtable] $Extra = @{})
    $arguments = @{ Sigma = $true; AppId = $script:SigmaAppId; Credential = (Get-SigmaTestCredential); BaseUri = (Get-TestBaseUri) } + $Extra
    if ($Name) { $arguments.Name = $Name }
    Connect-LiveStream @arguments -PassThru:$PassThru
}

function Connect-TestTheta {
    <# Connect-LiveStream -Theta to the emulator with seeded service account a or b. #>
    param([ValidateSet('a', 'b')] [string] $Account = 'a', [string] $Name, [switch] $PassThru, [hashtable] $Extra = @{})
    $arguments = @{ Theta = $true; Credential = (Get-ThetaTestCredential -Account $Account); BaseUri = (Get-TestBaseUri) } + $Extra
    if ($Name) { $arguments.Name = $Name }
    Connect-LiveStream @arguments -PassThru:$PassThru
}

function Invoke-NewPwsh {
    <#
    Runs a script in a new, non-interactive pwsh (the packaged module on $env:PSModulePath, the emulator's address in
    $env:LIVESTREAM_TEST_BASEURI), with the environment of this one plus -Environment (a $null value removes a variable),
    in -WorkingDirectory, and returns its exit code and what it printed on stdout and stderr.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [switch] $Interactive,
        [string] $WorkingDirectory = (Get-Location).ProviderPath,
        [hashtable] $Environment = @{},
        # Arguments after the script's path: the script's own parameters.
        [string[]] $Arguments = @(),
        [int] $TimeoutSec = 120
    )
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "livestream-test-$([guid]::NewGuid().ToString('n')).ps1"
    Set-Content -LiteralPath $file -Value $Script -Encoding utf8
    try {
        $start = [System.Diagnostics.ProcessStartInfo]::new((Get-PwshPath))
        foreach ($argument in @('-NoProfile') + @(if (-not $Interactive) { '-NonInteractive' }) + @('-File', $file) + $Arguments) {
            $start.ArgumentList.Add($argument)
        }
        $start.WorkingDirectory = $WorkingDirectory
        foreach ($name in $Environment.Keys) {
            if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) } else { $start.Environment[$name] = $Environment[$name] }
        }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.RedirectStandardInput = $true
        $process = [System.Diagnostics.Process]::Start($start)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "The new pwsh did not end within $TimeoutSec s. It printed: $($stdout.Result) $($stderr.Result)"
        }
        [pscustomobject] @{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
    }
    finally {
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

function Get-PwshPath {
    $name = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
    Join-Path $PSHOME $name
}

function Get-RepositoryRoot { (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath }

function Get-ErrorIds {
    <# The FullyQualifiedErrorIds of error records, with the cmdlet part cut off: LiveStream.NotFound. #>
    param([object[]] $ErrorRecords)
    @($ErrorRecords | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
}


# --- cover: helpers of the per-cmdlet and pipeline files ---

function Publish-TestSigmaEncoder {
    <# The emulator's encoder pushes to a started Sigma channel (by its StreamKey): the channel gets a live session. #>
    param([Parameter(Mandatory)] [object] $Channel)
    $null = Invoke-EmulatorControl -Path sigma/publish -Body @{ streamToken = $Channel.StreamKey }
}

function Stop-TestSigmaEncoder {
    <# The emulator's encoder stops pushing to a Sigma channel: its live session ends. #>
    param([Parameter(Mandatory)] [object] $Channel)
    $null = Invoke-EmulatorControl -Path sigma/unpublish -Body @{ streamToken = $Channel.StreamKey }
}

function Get-RequestCount {
    <# How many vendor requests arrived since the last Clear-EmulatorRequest (optionally only those matching). #>
    param([string] $PathLike = '*', [string] $Method = '*')
    @(Get-EmulatorRequest -PathLike $PathLike -Method $Method).Count
}

function Get-ErrorSummary {
    <# 'ErrorId|Category|TargetObject' of each error record, the cmdlet part of the id cut off, for compact assertions. #>
    param([object[]] $ErrorRecords)
    @($ErrorRecords | ForEach-Object { '{0}|{1}|{2}' -f ($_.FullyQualifiedErrorId -split ',')[0], $_.CategoryInfo.Category, $_.TargetObject })
}

function Get-TestConnectScript {
    <#
    Script text for Invoke-NewPwsh that connects to the emulator as the seeded accounts: -Sigma (connection 'Sigma'),
    -Theta (connection 'Theta', account a), or both.
    #>
    param([switch] $Sigma, [switch] $Theta)
    $lines = @('$ErrorActionPreference = ''Continue''', '$base = $env:LIVESTREAM_TEST_BASEURI')
    if ($Sigma) {
        $lines += "`$sigmaCredential = [pscredential]::new('$script:SigmaUser', (ConvertTo-SecureString '$script:SigmaSecret' -AsPlainText -Force))"
        $lines += "`$null = Connect-LiveStream -Sigma -AppId '$script:SigmaAppId' -Credential `$sigmaCredential -BaseUri `$base"
    }
    if ($Theta) {
        $account = $script:ThetaAccounts['a']
        $lines += "`$thetaCredential = [pscredential]::new('$($account.Id)', (ConvertTo-SecureString '$($account.Secret)' -AsPlainText -Force))"
        $lines += "`$null = Connect-LiveStream -Theta -Credential `$thetaCredential -BaseUri `$base"
    }
    ($lines -join [Environment]::NewLine) + [Environment]::NewLine
}

function Invoke-EmulatorSchedule {
    <#
    Runs simulated-encoder steps in the emulator's background, each AfterMs after the one before: publish, interrupt,
    restore, events (Count of them), unpublish, stop (Sigma: ChannelId or StreamToken); publish, unpublish (Theta:
    StreamId); outage (every vendor path answers Status, default 503, for DurationMs).
    #>
    param([Parameter(Mandatory)] [hashtable[]] $Steps)
    $null = Invoke-EmulatorControl -Path encoder/schedule -Body @{ steps = $Steps }
}

function Set-EmulatorEncoderScript {
    <#
    The simulated encoder, scripted: publishes DelayMs after each Sigma channel starts, then takes Steps (per channel
    name or id in Channels, else the common Steps); never publishes to the channels named in Silent.
    #>
    param([Parameter(Mandatory)] [int] $DelayMs, [hashtable[]] $Steps, [hashtable] $Channels, [string[]] $Silent)
    $body = @{ delayMs = $DelayMs }
    if ($Steps) { $body.steps = $Steps }
    if ($Channels) { $body.channels = $Channels }
    if ($Silent) { $body.silent = $Silent }
    $null = Invoke-EmulatorControl -Path encoder -Method PUT -Body $body
}

function Wait-EmulatorCondition {
    <# Polls a condition (bounded: MaxTries times, 100 ms apart) for test set-up; throws when it never holds. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $MaxTries = 100, [string] $What = 'the condition')
    for ($i = 0; $i -lt $MaxTries; $i++) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 100
    }
    throw "Set-up: $What did not hold after $MaxTries tries."
}

Export-ModuleMember -Function *
