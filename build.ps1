<#
.SYNOPSIS
    Builds, tests and demonstrates the LiveStream module.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -Path $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build' { Invoke-Dotnet build LiveStream.sln -c $Configuration }
    'Test' { Invoke-Dotnet test LiveStream.sln -c $Configuration }
    'Demo' { Invoke-Dotnet run --project src/LiveStream.Demo -c $Configuration }
}
