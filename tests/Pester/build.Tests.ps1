# build.ps1's tasks as a user types them. The arguments each task gives dotnet are read through a stand-in dotnet
# (first on PATH, it records its arguments one a line); the Package task also runs for real, into the repository's out/.
# One new pwsh runs every case (a pwsh start is the slow part), each build.ps1 call as a user's command line would.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $root = Get-RepositoryRoot
    $manifest = Import-PowerShellDataFile (Join-Path $root 'LiveStream.psd1')

    $fakeDir = Join-Path $TestDrive 'fake-dotnet'
    $failingDir = Join-Path $TestDrive 'failing-dotnet'
    $null = New-Item -ItemType Directory -Path $fakeDir, $failingDir
    if ($IsWindows) {
        Set-Content -LiteralPath (Join-Path $fakeDir 'dotnet.cmd') -Value "@echo off`r`n:next`r`nif ""%~1""=="""" goto end`r`necho %~1>>""%FAKE_DOTNET_LOG%""`r`nshift`r`ngoto next`r`n:end`r`necho --->>""%FAKE_DOTNET_LOG%"""
        Set-Content -LiteralPath (Join-Path $failingDir 'dotnet.cmd') -Value '@exit /b 3'
    }
    else {
        Set-Content -LiteralPath (Join-Path $fakeDir 'dotnet') -Value "#!/bin/sh`nfor argument in ""`$@""; do printf '%s\n' ""`$argument"" >> ""`$FAKE_DOTNET_LOG""; done`necho --- >> ""`$FAKE_DOTNET_LOG""`n"
        Set-Content -LiteralPath (Join-Path $failingDir 'dotnet') -Value "#!/bin/sh`nexit 3`n"
        & chmod +x (Join-Path $fakeDir 'dotnet') (Join-Path $failingDir 'dotnet')
    }

    $script = @'
param($Root, $FakeDir, $FailingDir, $LogDir)
$ErrorActionPreference = 'Continue'
$build = Join-Path $Root 'build.ps1'
$realPath = $env:PATH
$results = [ordered] @{}
function Invoke-Case([string] $Name, [string] $PathDir, [hashtable] $Arguments) {
    $log = Join-Path $LogDir "$Name.txt"
    $env:FAKE_DOTNET_LOG = $log
    $env:PATH = if ($PathDir) { $PathDir + [IO.Path]::PathSeparator + $realPath } else { $realPath }
    # A child pwsh per case would cost seconds each: the cases run here, one after another.
    $failure = $null
    try { $null = & $build @Arguments *>&1 } catch { $failure = "$_" }
    $env:PATH = $realPath
    $calls = if (Test-Path -LiteralPath $log) {
        @((Get-Content -LiteralPath $log -Raw) -split '---\r?\n' | Where-Object { $_.Trim() } |
            ForEach-Object { ($_.Trim() -split '\r?\n') -join '|' })
    } else { @() }
    $results[$Name] = [ordered] @{ Failure = $failure; Calls = $calls }
}
Invoke-Case 'package' $FakeDir @{ Task = 'Package' }
Invoke-Case 'build' $FakeDir @{ Task = 'Build' }
Invoke-Case 'buildRelease' $FakeDir @{ Task = 'Build'; Configuration = 'Release' }
Invoke-Case 'failing' $FailingDir @{ Task = 'Build' }
Invoke-Case 'unknown' $FakeDir @{ Task = 'Publish' }
Invoke-Case 'realPackage' $null @{ Task = 'Package'; Configuration = 'Debug' }
# build.ps1 writes dotnet's output to the host: the results go to a file of their own.
$results | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath (Join-Path $LogDir 'results.json')
'@
    $scriptFile = Join-Path $TestDrive 'build-cases.ps1'
    Set-Content -LiteralPath $scriptFile -Value $script
    $output = & (Get-PwshPath) -NoProfile -NonInteractive -File $scriptFile -Root $root -FakeDir $fakeDir -FailingDir $failingDir -LogDir $TestDrive
    $resultFile = Join-Path $TestDrive 'results.json'
    if (-not (Test-Path -LiteralPath $resultFile)) { throw "The build cases wrote no results. They printed: $output" }
    $cases = Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
}

Describe 'build.ps1' {
    It 'Package gives dotnet -t:Package as one argument, Release by default' {
        $cases.package.Failure | Should -BeNullOrEmpty
        $cases.package.Calls | Should -Be 'build|src/LiveStream|-c|Release|-t:Package'
    }

    It 'Build builds the solution, Debug by default, and the -Configuration given' {
        $cases.build.Calls | Should -Be 'build|LiveStream.sln|-c|Debug'
        $cases.buildRelease.Calls | Should -Be 'build|LiveStream.sln|-c|Release'
    }

    It 'fails with the exit code of a failing dotnet, and refuses an unknown task before calling dotnet' {
        $cases.failing.Failure | Should -Match 'exit code 3'
        $cases.unknown.Failure | Should -Match 'Build.*Test.*Package.*Demo'
        $cases.unknown.Calls | Should -BeNullOrEmpty
    }

    It 'Package writes the module folder and the Azure Automation zip to out/ (for real)' {
        # Debug reuses the build the suite just tested, which keeps this test short; the task is the same.
        $cases.realPackage.Failure | Should -BeNullOrEmpty
        $folder = Join-Path $root "out/LiveStream/$($manifest.ModuleVersion)"
        foreach ($file in 'LiveStream.psd1', 'LiveStream.dll', 'LiveStream.Loader.dll', 'LiveStream.format.ps1xml',
            'en-US/LiveStream.dll-Help.xml', 'en-US/about_LiveStream.help.txt', 'dependencies/LiveStream.Core.dll') {
            Join-Path $folder $file | Should -Exist
        }
        Join-Path $folder 'LiveStream.Core.dll' | Should -Not -Exist
        (Import-PowerShellDataFile (Join-Path $folder 'LiveStream.psd1')).CmdletsToExport | Should -Be $manifest.CmdletsToExport

        $zip = Join-Path $root 'out/LiveStream.zip'
        $zip | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = @($archive.Entries.FullName -replace '\\', '/') }
        finally { $archive.Dispose() }
        $entries | Where-Object { $_ -notlike 'LiveStream/*' } | Should -BeNullOrEmpty
        $entries | Should -Contain 'LiveStream/LiveStream.psd1'
        $entries | Should -Contain 'LiveStream/dependencies/LiveStream.Core.dll'
        $entries | Where-Object { $_ -like "LiveStream/$($manifest.ModuleVersion)/*" } | Should -BeNullOrEmpty
    }
}
