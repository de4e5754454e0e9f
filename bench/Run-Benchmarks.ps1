<#
.SYNOPSIS
    The one command of the LiveStream benchmark: builds, runs the C# part (bench/LiveStream.Bench) and the real-pwsh
    part (bench/Compare.ps1), and rewrites docs/benchmarks.md with the machine, date, command, a plain-words summary and
    every figure.
.DESCRIPTION
    On demand, never in CI (it takes about ten minutes and the whole machine):
        dotnet tool restore && dotnet pwsh ./bench/Run-Benchmarks.ps1
    -Quick runs small counts and few rounds (a minute or two) to check that everything works; its figures mean nothing,
    so it writes out/benchmarks-quick.md unless -Out says otherwise. The notes after the generated part of the output
    file (below its end marker) are kept.
#>
[CmdletBinding()]
param(
    [switch] $Quick,

    # Use the last builds (the package in out/, the Release builds of the emulator and the benchmark).
    [switch] $NoBuild,

    [string] $Out
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
Set-Location -LiteralPath $root
if (-not $Out) { $Out = if ($Quick) { 'out/benchmarks-quick.md' } else { 'docs/benchmarks.md' } }
$endMarker = '<!-- End of the generated part: bench/Run-Benchmarks.ps1 keeps what follows when it rewrites this file. -->'
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$work = Join-Path $root 'out/bench'
New-Item -ItemType Directory -Path $work -Force | Out-Null

function Invoke-Checked([string] $What, [scriptblock] $Command) {
    & $Command | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Warning "$What ended with exit code $LASTEXITCODE; its rows say which step failed." }
}

function Get-Load {
    if (Test-Path -LiteralPath /proc/loadavg) { [double] ((Get-Content -LiteralPath /proc/loadavg -Raw) -split ' ')[0] } else { $null }
}

if (-not $NoBuild) {
    & $pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build.ps1') -Task Package | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'build.ps1 -Task Package failed.' }
    foreach ($project in 'src/LiveStream.Emulator', 'bench/LiveStream.Bench') {
        & dotnet build $project -c Release | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "dotnet build $project failed." }
    }
}

$started = [DateTimeOffset]::UtcNow
$loadBefore = Get-Load
$csharp = Join-Path $work 'csharp.json'
$real = Join-Path $work 'pwsh.json'
Remove-Item -LiteralPath $csharp, $real -ErrorAction SilentlyContinue
$benchArguments = @('run', '-c', 'Release', '--no-build', '--project', 'bench/LiveStream.Bench', '--', '--results', $csharp)
if ($Quick) { $benchArguments += '--quick' }
Invoke-Checked 'The C# benchmark' { & dotnet @benchArguments }
$compareArguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Compare.ps1'), '-Results', $real)
if ($Quick) { $compareArguments += '-Quick' }
Invoke-Checked 'The pwsh comparison' { & $pwsh @compareArguments }
$loadAfter = Get-Load
$elapsed = [DateTimeOffset]::UtcNow - $started

$rows = @(foreach ($file in $csharp, $real) {
    if (Test-Path -LiteralPath $file) { Get-Content -LiteralPath $file -Raw | ConvertFrom-Json }
    else { [pscustomobject]@{ Section = 'Failed steps'; Measure = (Split-Path $file -Leaf); Result = 'FAILED: no results'; Target = ''; Met = $false } }
})

$memory = [Math]::Round([GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes / 1GB)
$cores = [Environment]::ProcessorCount
$command = 'dotnet pwsh ./bench/Run-Benchmarks.ps1' + ($Quick ? ' -Quick' : '')
$text = [System.Text.StringBuilder]::new()
$null = $text.AppendLine('# LiveStream benchmarks').AppendLine()
$null = $text.AppendLine("- Date: $($started.ToString('yyyy-MM-dd HH:mm')) UTC (the run took $([Math]::Round($elapsed.TotalMinutes, 1)) min)")
$null = $text.AppendLine("- Machine: $cores cores, $memory GiB, $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), " +
    ".NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion)")
$null = $text.AppendLine("- Command: ``$command`` (from the repository root; ``-Quick`` for a short check of the script)")
if ($null -ne $loadBefore) {
    $busy = [Math]::Max($loadBefore, $loadAfter) -gt 0.5
    $null = $text.AppendLine("- Load average (1 min) before and after: $loadBefore and $loadAfter on $cores cores" +
        ($busy ? ': the machine was not idle at the start or the end (above 0.5), so absolute times are noisier than on an idle one; ratios of ways measured in alternating rounds are the claims.' : '.'))
}
$null = $text.AppendLine('- The emulator runs in a process of its own on loopback. The C# part hosts the module in a runspace of the benchmark ' +
    'process; the pwsh part imports the packaged module (out/LiveStream/<version>) in one real pwsh and runs every comparison ' +
    'there in alternating rounds (median, min-max). Ratios, not absolute times, are the claims.')
$null = $text.AppendLine()

$null = $text.AppendLine('## Summary').AppendLine()
$targeted = @($rows | Where-Object { $_.Target -and $_.Target -ne 'baseline' })
$met = @($targeted | Where-Object { $_.Met -eq $true })
$missed = @($targeted | Where-Object { $_.Met -ne $true })
$null = $text.AppendLine("$($met.Count) of $($targeted.Count) targets met" + ($missed.Count ? "; missed: $(($missed | ForEach-Object { "$($_.Measure) ($($_.Result), target $($_.Target))" }) -join '; ')." : '.'))
$null = $text.AppendLine()
foreach ($row in $targeted) {
    $verdict = if ($row.Met -eq $true) { 'met' } else { 'MISSED' }
    $null = $text.AppendLine("- $($row.Section): $($row.Measure): $($row.Result) (target $($row.Target): $verdict)")
}
$null = $text.AppendLine()

foreach ($section in ($rows | ForEach-Object Section | Select-Object -Unique)) {
    $null = $text.AppendLine("## $section").AppendLine()
    $null = $text.AppendLine('| measure | result | target |').AppendLine('|---|---|---|')
    foreach ($row in $rows | Where-Object Section -EQ $section) {
        $target = if ($row.Target -and $null -ne $row.Met) { "$($row.Target) ($($row.Met ? 'met' : 'missed'))" } else { $row.Target }
        $null = $text.AppendLine("| $($row.Measure) | $($row.Result) | $target |")
    }
    $null = $text.AppendLine()
}

$null = $text.AppendLine($endMarker)
$outPath = Join-Path $root $Out
$notes = if (Test-Path -LiteralPath $outPath) {
    $old = Get-Content -LiteralPath $outPath -Raw
    $at = $old.IndexOf($endMarker)
    if ($at -ge 0) { $old.Substring($at + $endMarker.Length).TrimStart("`r", "`n") } else { '' }
} else { '' }
if ($notes) { $null = $text.AppendLine().Append($notes) }
New-Item -ItemType Directory -Path (Split-Path $outPath) -Force | Out-Null
Set-Content -LiteralPath $outPath -Value $text.ToString().TrimEnd() -Encoding utf8
Write-Host "Written to $outPath"
