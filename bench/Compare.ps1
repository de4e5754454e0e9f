<#
.SYNOPSIS
    The real-pwsh part of the LiveStream benchmark: the packaged module against what a script writer would use instead
    (Invoke-RestMethod with and without -WebSession, a reused System.Net.Http.HttpClient, ForEach-Object -Parallel),
    against the emulator on loopback, each comparison in alternating rounds in this one process.
.DESCRIPTION
    On demand, never in CI. bench/Run-Benchmarks.ps1 runs it (in a fresh pwsh) and writes docs/benchmarks.md; alone:
        dotnet pwsh ./build.ps1 -Task Package
        dotnet build src/LiveStream.Emulator -c Release
        dotnet pwsh ./bench/Compare.ps1 [-Quick] [-Results pwsh.json]
    Every figure is a median of rounds with the min-max; ratios (module / other way, per round) are the claims.
#>
[CmdletBinding()]
param(
    # The packaged module's manifest (default: out/LiveStream/<version>/LiveStream.psd1 from ./build.ps1 -Task Package).
    [string] $ModulePath,

    # The built emulator (default: its Release build).
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../src/LiveStream.Emulator/bin/Release/net10.0/LiveStream.Emulator.dll'),

    # Small counts and few rounds: to check that the script works, not to measure.
    [switch] $Quick,

    # Where to write the rows as JSON (for Run-Benchmarks.ps1).
    [string] $Results
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
if (-not $ModulePath) {
    $ModulePath = Get-ChildItem -Path (Join-Path $root 'out/LiveStream') -Filter LiveStream.psd1 -Recurse -ErrorAction SilentlyContinue |
        Sort-Object { [version] $_.Directory.Name } | Select-Object -Last 1 -ExpandProperty FullName
    if (-not $ModulePath) { throw "No packaged module under out/LiveStream: run 'dotnet pwsh ./build.ps1 -Task Package' first." }
}

$counts = if ($Quick) {
    @{ Calls = 100; Rounds = 3; BulkCalls = 64; BulkRounds = 3; Events = 1000; ListRounds = 3; StartRounds = 2 }
} else {
    @{ Calls = 1000; Rounds = 9; BulkCalls = 300; BulkRounds = 7; Events = 5000; ListRounds = 7; StartRounds = 7 }
}
$latencyMs = 20
$throttle = 16

# The emulator's seeded Sigma account (emulator-only credentials) and the headers the module sends with it.
$appId = '0c787e24-87a3-47da-a131-e8310f35aff7'
$userName = 'emulator-user'
$secretKey = 'sigma-emulator-secret-key-0001'
$headers = @{
    Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${userName}:$secretKey"))
    'X-App-Id' = $appId
    Accept = 'application/json'
}

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Section, [string] $Measure, [string] $Result, [string] $Target = '', $Met = $null) {
    $row = [pscustomobject]@{ Section = $Section; Measure = $Measure; Result = $Result; Target = $Target; Met = $Met }
    $rows.Add($row)
    Write-Host "$Section | $Measure | $Result | $Target"
}

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][Math]::Floor($Values.Count / 2)] }

function Format-Spread([double[]] $Values, [string] $Unit = ' ms', [string] $Format = '0') {
    $sorted = $Values | Sort-Object
    '{0}{1} ({2}-{3})' -f (Get-Median $Values).ToString($Format), $Unit, $sorted[0].ToString($Format), $sorted[-1].ToString($Format)
}

<#
Runs each way once per round, in turn, for -Rounds rounds; returns for each way its times (ms). Every way gets one
untimed warm-up run first.
#>
function Measure-Alternating([System.Collections.Specialized.OrderedDictionary] $Ways, [int] $Rounds) {
    $times = [ordered]@{}
    foreach ($name in $Ways.Keys) {
        $times[$name] = [System.Collections.Generic.List[double]]::new()
        $null = & $Ways[$name]
    }
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in $Ways.Keys) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $null = & $Ways[$name]
            $times[$name].Add($clock.Elapsed.TotalMilliseconds)
        }
    }
    $times
}

# Ratios of one way to another, round by round (the same round's samples ran next to each other).
function Get-Ratio($Times, [string] $Of, [string] $To) {
    for ($i = 0; $i -lt $Times[$Of].Count; $i++) { $Times[$Of][$i] / $Times[$To][$i] }
}

function Format-Ratio($Times, [string] $Of, [string] $To) { Format-Spread (Get-Ratio $Times $Of $To) 'x' '0.00' }

# A row of a ratio with the target "< 1x" (the module takes less time than the other way).
function Add-RatioRow([string] $Section, [string] $Measure, $Times, [string] $Of, [string] $To) {
    $ratios = Get-Ratio $Times $Of $To
    Add-Row $Section $Measure (Format-Spread $ratios 'x' '0.00') '< 1x' ((Get-Median $ratios) -lt 1)
}

Import-Module (Join-Path $root 'tools/EmulatorProcess.psm1') -Force
$emulator = Start-EmulatorProcess -Path $EmulatorPath
$base = $emulator.BaseUri.AbsoluteUri.TrimEnd('/')
$control = "$base/_emulator"
try {
    Import-Module $ModulePath -Force
    $credential = [pscredential]::new($userName, (ConvertTo-SecureString $secretKey -AsPlainText -Force))
    Connect-LiveStream -Sigma -AppId $appId -Credential $credential -BaseUri $base | Out-Null
    $version = (Get-Module LiveStream).Version
    Write-Host "# pwsh $($PSVersionTable.PSVersion), LiveStream $version from $ModulePath, emulator at $base"

    # 1. Per call: GETs of one channel, one after another.
    $section = "Per call (real pwsh $($PSVersionTable.PSVersion))"
    $id = (New-LiveChannel -Name 'bench-per-call').Id
    $ids = @($id) * $counts.Calls
    $uri = "$base/api/livestream/channels/$id"
    $session = [Microsoft.PowerShell.Commands.WebRequestSession]::new()
    $http = [System.Net.Http.HttpClient]::new()
    foreach ($name in $headers.Keys) { $null = $http.DefaultRequestHeaders.TryAddWithoutValidation($name, $headers[$name]) }
    $ways = [ordered]@{
        'piped, -ThrottleLimit 1' = { $ids | Get-LiveChannel -ThrottleLimit 1 | Out-Null }
        'piped, default throttle' = { $ids | Get-LiveChannel | Out-Null }
        'foreach loop of Get-LiveChannel -Id' = { foreach ($i in $ids) { Get-LiveChannel -Id $i | Out-Null } }
        'Invoke-RestMethod loop' = { foreach ($i in $ids) { Invoke-RestMethod -Uri $uri -Headers $headers | Out-Null } }
        'Invoke-RestMethod -WebSession loop' = {
            foreach ($i in $ids) { Invoke-RestMethod -Uri $uri -Headers $headers -WebSession $session | Out-Null }
        }
        'reused HttpClient from pwsh + ConvertFrom-Json' = {
            foreach ($i in $ids) { $http.GetStringAsync($uri).GetAwaiter().GetResult() | ConvertFrom-Json | Out-Null }
        }
    }
    $times = Measure-Alternating $ways $counts.Rounds
    foreach ($name in $ways.Keys) {
        Add-Row $section "$($counts.Calls) GETs: $name (median of $($counts.Rounds), min-max)" (Format-Spread $times[$name])
    }
    $module = 'piped, -ThrottleLimit 1'
    foreach ($other in 'Invoke-RestMethod loop', 'Invoke-RestMethod -WebSession loop', 'reused HttpClient from pwsh + ConvertFrom-Json') {
        Add-RatioRow $section "module piped -ThrottleLimit 1 / $other" $times $module $other
    }
    Add-Row $section 'foreach loop of Get-LiveChannel -Id / Invoke-RestMethod -WebSession loop' (Format-Ratio $times 'foreach loop of Get-LiveChannel -Id' 'Invoke-RestMethod -WebSession loop')

    # 2. Bulk: GETs at 20 ms added latency, 16 at a time, against the ideal (count x latency / 16).
    $section = "Bulk at $latencyMs ms (real pwsh)"
    $fault = @{ method = 'GET'; pathPattern = '^/api/livestream/channels/[^/]+$'; latencyMs = $latencyMs } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri "$control/faults" -Body $fault -ContentType 'application/json' | Out-Null
    $bulkIds = @($id) * $counts.BulkCalls
    $ideal = $counts.BulkCalls * $latencyMs / $throttle
    $ways = [ordered]@{
        "Get-LiveChannel -ThrottleLimit $throttle" = { $bulkIds | Get-LiveChannel -ThrottleLimit $throttle | Out-Null }
        "ForEach-Object -Parallel + Invoke-RestMethod -ThrottleLimit $throttle" = {
            $bulkIds | ForEach-Object -ThrottleLimit $throttle -Parallel {
                Invoke-RestMethod -Uri $using:uri -Headers $using:headers | Out-Null
            }
        }
    }
    $times = Measure-Alternating $ways $counts.BulkRounds
    foreach ($name in $ways.Keys) {
        $overIdeal = $times[$name] | ForEach-Object { $_ / $ideal }
        $target, $met = if ($name -like 'Get-LiveChannel*') { '<= 1.3x ideal', ((Get-Median $overIdeal) -le 1.3) } else { '', $null }
        Add-Row $section "$($counts.BulkCalls) GETs: $name (median of $($counts.BulkRounds))" "$(Format-Spread $times[$name]): $(Format-Spread $overIdeal 'x' '0.00') ideal ($ideal ms)" $target $met
    }
    Add-RatioRow $section 'module / ForEach-Object -Parallel' $times "Get-LiveChannel -ThrottleLimit $throttle" "ForEach-Object -Parallel + Invoke-RestMethod -ThrottleLimit $throttle"
    Invoke-RestMethod -Method Delete -Uri "$control/faults" | Out-Null

    # 3. Listing one session's events: the module against an Invoke-RestMethod paging loop with a session.
    $section = 'Listing events (real pwsh)'
    $channel = New-LiveChannel -Name 'bench-events' | Start-LiveChannel -PassThru
    $streamToken = (Invoke-RestMethod -Uri "$base/api/livestream/channels/$($channel.Id)" -Headers $headers).input.streamToken
    $published = Invoke-RestMethod -Method Post -Uri "$control/sigma/publish" -ContentType 'application/json' `
        -Body (@{ streamToken = $streamToken } | ConvertTo-Json)
    $sessionId = $published.id
    $generate = @{ sessionId = $sessionId; count = $counts.Events - 3 } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri "$control/sigma/events/generate" -Body $generate -ContentType 'application/json' | Out-Null
    $q = [uri]::EscapeDataString((@{ '$and' = @(@{ sessionId = $sessionId }) } | ConvertTo-Json -Compress -Depth 4))
    $maxPages = [Math]::Ceiling($counts.Events / 100) + 1
    $ways = [ordered]@{
        'Get-LiveSessionEvent' = { Get-LiveSessionEvent -SessionId $sessionId | Out-Null }
        'Invoke-RestMethod paging loop with -WebSession' = {
            for ($page = 1; $page -le $maxPages; $page++) {
                $answer = Invoke-RestMethod -Headers $headers -WebSession $session `
                    -Uri "$base/api/livestream/events?q=$q&sort=createdAt%7Cdesc&page=$page&perPage=100"
                $answer.data | Out-Null
                if ($page * 100 -ge $answer.total) { break }
            }
        }
    }
    $times = Measure-Alternating $ways $counts.ListRounds
    foreach ($name in $ways.Keys) {
        Add-Row $section "$($counts.Events) events: $name (median of $($counts.ListRounds))" (Format-Spread $times[$name])
    }
    Add-RatioRow $section 'module / Invoke-RestMethod paging loop' $times 'Get-LiveSessionEvent' 'Invoke-RestMethod paging loop with -WebSession'
    $first = for ($i = 0; $i -lt $counts.ListRounds; $i++) {
        (Measure-Command { Get-LiveSessionEvent -SessionId $sessionId | Select-Object -First 1 | Out-Null }).TotalMilliseconds
    }
    Add-Row $section "$($counts.Events) events: time to first object (Select-Object -First 1)" (Format-Spread $first)

    # 4. Start-up: a fresh pwsh that exits, one that imports the module, one that imports, connects and reads a channel.
    $section = 'Start-up (fresh pwsh processes)'
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $connect = "Connect-LiveStream -Sigma -AppId '$appId' -BaseUri '$base' -Credential ([pscredential]::new('$userName', " +
        "(ConvertTo-SecureString '$secretKey' -AsPlainText -Force))) | Out-Null"
    $ways = [ordered]@{
        'pwsh -c exit' = { & $pwsh -NoProfile -NonInteractive -Command 'exit' }
        'pwsh -c Import-Module' = { & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'" }
        'pwsh -c Import-Module, connect, first Get-LiveChannel -Id' = {
            & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'; $connect; Get-LiveChannel -Id $id | Out-Null"
        }
    }
    $times = Measure-Alternating $ways $counts.StartRounds
    foreach ($name in $ways.Keys) {
        Add-Row $section "$name (median of $($counts.StartRounds))" (Format-Spread $times[$name])
    }
    $bare = Get-Median $times['pwsh -c exit']
    Add-Row $section 'cold Import-Module over a bare pwsh start' ('+{0:0} ms ({1})' -f ((Get-Median $times['pwsh -c Import-Module']) - $bare), (Format-Ratio $times 'pwsh -c Import-Module' 'pwsh -c exit'))
    Add-Row $section 'import, connect and first call over a bare pwsh start' ('+{0:0} ms ({1})' -f ((Get-Median $times['pwsh -c Import-Module, connect, first Get-LiveChannel -Id']) - $bare), (Format-Ratio $times 'pwsh -c Import-Module, connect, first Get-LiveChannel -Id' 'pwsh -c exit'))
}
finally {
    if (Get-Variable -Name http -ErrorAction SilentlyContinue) { $http.Dispose() }
    $emulator | Stop-EmulatorProcess
}

if ($Results) {
    $rows | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $Results -Encoding utf8
    Write-Host "Results written to $Results"
}
