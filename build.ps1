<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the LiveStream module.
.DESCRIPTION
    Run it with the pinned PowerShell of the repository (dotnet tool restore, then dotnet pwsh ./build.ps1 ...), or
    with any pwsh 7.

    Build    compiles the solution; the module folder is src/LiveStream/bin/<Configuration>/netstandard2.0.
    Test     the xunit suite (dotnet test) and the Pester suite (tests/Pester, in a pwsh of its own against the
             packaged module in out/test/ and an emulator process), then one line: N passed, M failed.
    Package  out/LiveStream/<ModuleVersion>/ (the module folder to install) and out/LiveStream.zip (the Azure
             Automation import package), through the MSBuild target that also works without pwsh:
                 dotnet build src/LiveStream -c Release -t:Package
             When the platyPS module is installed, its New-ExternalHelp writes the help that is packaged; otherwise
             the build's own help step does (it checks docs/ against the cmdlets in both cases).
    Demo     packages the module, starts the emulator (with its simulated encoder) and runs examples/quickstart.ps1
             in a new pwsh that finds the module on $env:PSModulePath, as an installed module is found.

    Pester comes from NuGet (tools/Pester/Pester.Restore.csproj); a Pester 5 already installed is used otherwise.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -Suite Pester -PesterPath tests/Pester/Get-LiveChannel.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string] $Task = 'Build',

    # Debug by default; Release for Package and Demo unless given.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration,

    # With -Task Test: both suites, or one of them.
    [ValidateSet('All', 'XUnit', 'Pester')]
    [string] $Suite = 'All',

    # With -Task Test: the Pester files or folders to run (default: all of tests/Pester).
    [string[]] $PesterPath,

    # With -Task Test: skip the build (the last build of the configuration is tested).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location -Path $PSScriptRoot
if (-not $Configuration) {
    $Configuration = if ($Task -in 'Package', 'Demo') { 'Release' } else { 'Debug' }
}

$PesterVersion = '5.9.1'
Import-Module -Name (Join-Path $PSScriptRoot 'tools/EmulatorProcess.psm1') -Force

function Invoke-Dotnet {
    # One string per argument: '-t:Package' must reach dotnet as one word.
    param([Parameter(Mandatory)] [string[]] $Arguments)

    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-PwshPath {
    $name = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
    $path = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $path) { return $path }
    (Get-Command -Name pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Get-EmulatorPath {
    Join-Path $PSScriptRoot "src/LiveStream.Emulator/bin/$Configuration/net10.0/LiveStream.Emulator.dll"
}

function Invoke-Package {
    param([string] $PackageRoot, [switch] $FromBuildOutput)

    $arguments = @('build', 'src/LiveStream', '-c', $Configuration, '-t:Package')
    if ($PackageRoot) { $arguments += "-p:LiveStreamPackageRoot=$PackageRoot/" }
    if ($FromBuildOutput) { $arguments += '-p:LiveStreamPackageFromBuildOutput=true' }
    if (Get-Module -ListAvailable -Name platyPS) {
        Import-Module -Name platyPS
        $helpDir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath "LiveStream-help-$PID/en-US"
        $pages = Get-ChildItem -Path docs -Filter '*.md' | Where-Object { $_.Name -like '*-*.md' -or $_.Name -like 'about_*.md' }
        $null = New-ExternalHelp -Path $pages.FullName -OutputPath $helpDir -Force
        $arguments += "-p:LiveStreamExternalHelpDir=$helpDir"
        Write-Verbose "Help written by platyPS's New-ExternalHelp to $helpDir."
    }

    Invoke-Dotnet $arguments
}

function Get-PesterManifest {
    $restore = Join-Path $PSScriptRoot 'tools/Pester/Pester.Restore.csproj'
    & dotnet restore $restore --verbosity quiet | Out-Host
    if ($LASTEXITCODE -eq 0) {
        $root = $env:NUGET_PACKAGES
        if (-not $root) {
            $line = & dotnet nuget locals global-packages --list
            $root = ($line -replace '^global-packages:\s*', '').Trim()
        }
        $manifest = Join-Path $root "pester/$PesterVersion/tools/Pester.psd1"
        if (Test-Path -LiteralPath $manifest) { return $manifest }
    }

    $installed = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version] '5.0') |
        Sort-Object -Property Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.Path }
    throw "Pester $PesterVersion could not be restored from NuGet and no Pester 5 is installed."
}

function Invoke-XUnit {
    $log = [System.Collections.Generic.List[string]]::new()
    & dotnet test LiveStream.sln -c $Configuration --no-build 2>&1 | ForEach-Object {
        $text = "$_"
        $log.Add($text)
        Write-Host $text
    }
    $summary = @{ Passed = 0; Failed = 0 }
    foreach ($line in $log) {
        foreach ($kind in 'Passed', 'Failed') {
            if ($line -match "\b${kind}:\s+(\d+)") { $summary[$kind] += [int] $Matches[1] }
        }
    }
    if ($LASTEXITCODE -ne 0 -and $summary.Failed -eq 0) {
        # The run broke without counting a failure (a crash, a build error): count it as one.
        $summary.Failed = 1
    }
    [pscustomobject] $summary
}

function Invoke-PesterSuite {
    $packageRoot = Join-Path $PSScriptRoot 'out/test'
    Invoke-Package -PackageRoot $packageRoot -FromBuildOutput
    $resultFile = Join-Path $packageRoot 'pester-result.json'
    Remove-Item -LiteralPath $resultFile -ErrorAction SilentlyContinue
    $arguments = @(
        '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tests/Pester/Invoke-PesterSuite.ps1'),
        '-PesterManifest', (Get-PesterManifest),
        '-ModuleRoot', $packageRoot,
        '-EmulatorPath', (Get-EmulatorPath),
        '-ResultFile', $resultFile
    )
    if ($PesterPath) {
        # dotnet pwsh ./build.ps1 -PesterPath a,b passes one string 'a,b' (-File does not make arrays): split it here.
        $paths = $PesterPath -split ',' | Where-Object { $_ } | ForEach-Object { (Resolve-Path $_).ProviderPath }
        $arguments += @('-Path', ($paths -join ','))
    }
    & (Get-PwshPath) @arguments | Out-Host
    if (Test-Path -LiteralPath $resultFile) {
        return Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
    }
    [pscustomobject] @{ Passed = 0; Failed = 1 }
}

function Invoke-Demo {
    Invoke-Package
    Invoke-Dotnet @('build', 'src/LiveStream.Emulator', '-c', $Configuration)
    $emulator = Start-EmulatorProcess -Path (Get-EmulatorPath) -SimulateEncoder
    $modulePath = $env:PSModulePath
    try {
        Write-Host "# Emulator of Sigma and Theta listening on $($emulator.BaseUri) (simulated encoder on)"
        Write-Host "# Running examples/quickstart.ps1 in pwsh with LiveStream from out/ on `$env:PSModulePath"
        $env:PSModulePath = (Join-Path $PSScriptRoot 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
        & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'examples/quickstart.ps1') -BaseUri $emulator.BaseUri
        if ($LASTEXITCODE -ne 0) { throw "examples/quickstart.ps1 failed with exit code $LASTEXITCODE." }
    }
    finally {
        $env:PSModulePath = $modulePath
        $emulator | Stop-EmulatorProcess
    }
}

switch ($Task) {
    'Build' { Invoke-Dotnet @('build', 'LiveStream.sln', '-c', $Configuration) }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Test' {
        if (-not $NoBuild) { Invoke-Dotnet @('build', 'LiveStream.sln', '-c', $Configuration) }
        $results = [ordered] @{}
        if ($Suite -in 'All', 'XUnit') { $results.xunit = Invoke-XUnit }
        if ($Suite -in 'All', 'Pester') { $results.Pester = Invoke-PesterSuite }
        $passed = 0; $failed = 0
        foreach ($name in $results.Keys) {
            Write-Host ('{0}: {1} passed, {2} failed' -f $name, $results[$name].Passed, $results[$name].Failed)
            $passed += $results[$name].Passed
            $failed += $results[$name].Failed
        }
        Write-Host "$passed passed, $failed failed"
        if ($failed -gt 0) { exit 1 }
    }
}
