<#
.SYNOPSIS
    Runs the Pester suite in this (new, non-interactive) pwsh against the packaged module and one emulator process.
    build.ps1 -Task Test calls it; it writes {"Passed":n,"Failed":m} to -ResultFile.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    # The folder that holds LiveStream/<version>/ (put first on $env:PSModulePath, as an installed module is found).
    [Parameter(Mandatory)] [string] $ModuleRoot,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $ResultFile,
    # Comma-separated files or folders; default: this folder.
    [string] $Path = $PSScriptRoot
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -Force
Import-Module -Name (Join-Path $PSScriptRoot '../../tools/EmulatorProcess.psm1') -Force

$env:PSModulePath = (Resolve-Path $ModuleRoot).ProviderPath + [System.IO.Path]::PathSeparator + $env:PSModulePath
$env:LIVESTREAM_TEST_EMULATOR = (Resolve-Path $EmulatorPath).ProviderPath
$emulator = Start-EmulatorProcess -Path $EmulatorPath
$env:LIVESTREAM_TEST_BASEURI = $emulator.BaseUri.AbsoluteUri
try {
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path -split ','
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    if ([Console]::IsOutputRedirected) { $configuration.Output.RenderMode = 'Plaintext' }
    $configuration.Should.ErrorAction = 'Stop'
    $ErrorActionPreference = 'Continue'
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    $emulator | Stop-EmulatorProcess
}

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject] @{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -LiteralPath $ResultFile
