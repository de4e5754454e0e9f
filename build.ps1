<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the LiveStream module.
.DESCRIPTION
    Package writes out/LiveStream/<ModuleVersion>/ (the module folder to install) and out/LiveStream.zip (the Azure
    Automation import package) through the MSBuild target that also works without pwsh:
        dotnet build src/LiveStream -c Release -t:Package
    When the platyPS module is installed, its New-ExternalHelp writes the help files that are packaged; otherwise the
    build's own help step does (it checks docs/ against the cmdlets in both cases).
.EXAMPLE
    ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string] $Task = 'Build',

    # Debug by default; Release for Package unless given.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration
)

$ErrorActionPreference = 'Stop'
Set-Location -Path $PSScriptRoot
if (-not $Configuration) {
    $Configuration = if ($Task -eq 'Package') { 'Release' } else { 'Debug' }
}

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Package {
    $properties = @()
    if (Get-Module -ListAvailable -Name platyPS) {
        Import-Module -Name platyPS
        $helpDir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath "LiveStream-help-$PID/en-US"
        $pages = Get-ChildItem -Path docs -Filter '*.md' | Where-Object { $_.Name -like '*-*.md' -or $_.Name -like 'about_*.md' }
        $null = New-ExternalHelp -Path $pages.FullName -OutputPath $helpDir -Force
        $properties += "-p:LiveStreamExternalHelpDir=$helpDir"
        Write-Verbose "Help written by platyPS's New-ExternalHelp to $helpDir."
    }

    Invoke-Dotnet build src/LiveStream -c $Configuration -t:Package @properties
}

switch ($Task) {
    'Build' { Invoke-Dotnet build LiveStream.sln -c $Configuration }
    'Test' { Invoke-Dotnet test LiveStream.sln -c $Configuration }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Dotnet run --project src/LiveStream.Demo -c $Configuration }
}
