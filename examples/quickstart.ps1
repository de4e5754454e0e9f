<#
.SYNOPSIS
    LiveStream quickstart: connect to Sigma and Theta and run a broadcast, against the local emulator by default.

.DESCRIPTION
    Runs unchanged in pwsh 7 and Windows PowerShell 5.1. The simplest way: dotnet pwsh ./build.ps1 -Task Demo (it starts
    the emulator with its simulated encoder, runs this script and stops the emulator). By hand, start the emulator with
    its simulated encoder first:
        dotnet run --project src/LiveStream.Emulator -- --urls http://127.0.0.1:5080 --simulate-encoder
    then, with the module imported or on $env:PSModulePath:
        ./examples/quickstart.ps1 -BaseUri http://127.0.0.1:5080

    The broadcast goes live only when something publishes to the channel: the emulator's simulated encoder (the
    --simulate-encoder switch, or PUT /_emulator/encoder with {"delayMs":1000} while the emulator runs), or a real
    encoder (OBS, ffmpeg) pushed to the channel's IngestUrl with its StreamKey. The script waits -LiveTimeoutSec for it
    and otherwise fails with what to do.

    Whatever happens, it leaves nothing behind: the Sigma channel it made is stopped and removed, and the Theta stream
    it started is stopped (Theta has no delete: the stream, reused by name, stays for the next run).
    The default credentials are the emulator's seeded accounts; give your own to run it against the real vendors.
#>
[CmdletBinding()]
param(
    [uri] $BaseUri = 'http://127.0.0.1:5080',

    [string] $SigmaAppId = '0c787e24-87a3-47da-a131-e8310f35aff7',

    [pscredential] $SigmaCredential = [pscredential]::new('emulator-user',
        [System.Net.NetworkCredential]::new('', 'sigma-emulator-secret-key-0001').SecurePassword),

    [pscredential] $ThetaCredential = [pscredential]::new('srvacc_emulator0000000000000000a',
        [System.Net.NetworkCredential]::new('', 'theta-emulator-secret-a-000000001').SecurePassword),

    # How long to wait for an encoder to publish to the Sigma channel. Give more (600) to set up OBS by hand.
    [ValidateRange(1, 3600)]
    [int] $LiveTimeoutSec = 30
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name LiveStream)) {
    Import-Module -Name LiveStream
}

$channelName = 'quickstart-news'
$channelDescription = 'Made by quickstart.ps1'
$channel = $null
$startedStream = $null

# Each section sends its objects to Out-Default itself: in one output stream PowerShell shows objects of a type other
# than the first it met as lists of all their properties (not their table view), and holds a table back to size its
# columns, which would print it after the sections that follow.
'== Connect to both vendors (the secrets stay SecureStrings) =='
$sigma = Connect-LiveStream -Sigma -AppId $SigmaAppId -Credential $SigmaCredential -BaseUri $BaseUri -PassThru
$theta = Connect-LiveStream -Theta -Credential $ThetaCredential -BaseUri $BaseUri -PassThru
Get-LiveStreamConnection | Out-Default

try {
    # A run that was killed (so its cleanup never ran) leaves its channel behind; this run makes its own.
    $leftovers = @(Get-LiveChannel -Connection $sigma |
        Where-Object { $_.Name -eq $channelName -and $_.Description -eq $channelDescription })
    foreach ($leftover in $leftovers) {
        'Removing {0} ({1}), left by an earlier run that did not finish' -f $leftover.Name, $leftover.Id
        if ($leftover.Status -eq 'active') { $leftover | Stop-LiveChannel }
        $leftover | Remove-LiveChannel -Confirm:$false
    }

    '== Sigma: create a channel (the document defaults: transcode, ultra-low-latency, 1080p/720p/480p, HLS) =='
    $channel = New-LiveChannel -Connection $sigma -Name $channelName -Description $channelDescription -Tag demo
    $channel | Out-Default

    '== Start it: the encoder pushes to IngestUrl with StreamKey; viewers open PlaybackUrl =='
    $channel | Start-LiveChannel -PassThru | Out-Default
    'Waiting up to {0} s for an encoder to publish to {1} with the channel''s StreamKey (the emulator''s simulated encoder does it within a second)...' -f
        $LiveTimeoutSec, $channel.IngestUrl
    try {
        $session = $channel | Wait-LiveChannel -State Live -TimeoutSec $LiveTimeoutSec
    }
    catch {
        if ($_.FullyQualifiedErrorId -notlike 'LiveStream.WaitTimeout,*') { throw }
        throw ("Nothing published to channel '{0}' within {1} s, so the broadcast never went live. Start an encoder " +
            "(OBS, ffmpeg) on {2} with the channel's StreamKey and run the script again with -LiveTimeoutSec 600; against " +
            "the emulator, start it with --simulate-encoder (or switch its encoder on: PUT {3}_emulator/encoder with " +
            "{{""delayMs"":1000}}), or run dotnet pwsh ./build.ps1 -Task Demo, which does both.") -f
            $channel.Name, $LiveTimeoutSec, $channel.IngestUrl, $BaseUri
    }

    '== The broadcast is live: its session =='
    $session | Out-Default

    '== What happened in the session so far (Sigma writes its messages in Vietnamese) =='
    $session | Get-LiveSessionEvent | Out-Default

    '== Stop the channel: the session ends, with its duration =='
    $channel | Stop-LiveChannel
    Get-LiveSession -Connection $sigma -ChannelId $channel.Id -First 1 | Out-Default
    $session | Get-LiveSessionEvent -Action ended | Out-Default

    '== Remove it =='
    $channel | Remove-LiveChannel -Confirm:$false
    $channel = $null
    'Channels left: {0}' -f @(Get-LiveChannel -Connection $sigma).Count

    '== Theta: the three nearest available Edge Ingestors =='
    Get-EdgeIngestor -Connection $theta -State Available -First 3 | Out-Default

    '== Theta: a stream (an account holds at most three, so one of the same name is reused; Theta has no delete) =='
    $stream = @(Get-LiveChannel -Connection $theta | Where-Object Name -EQ 'quickstart-theta')[0]
    if (-not $stream) {
        $stream = New-LiveChannel -Connection $theta -Name 'quickstart-theta'
    }
    $stream | Out-Default

    '== Theta: start it (selects the nearest available Edge Ingestor) and paste the ingest details into OBS =='
    $startedStream = $stream
    $started = $stream | Start-LiveChannel -PassThru
    $started | Out-Default
    'Settings > Stream > Service: Custom...'
    'Server: {0}' -f $started.IngestUrl
    'Stream Key: {0}' -f $started.StreamKey
    'The stream turns on when the encoder pushes; an unused selection lapses after five minutes.'

    '== Theta: the Edge Ingestor serving it =='
    Get-EdgeIngestor -Connection $theta -State Selected | Out-Default

    '== Theta: stop it (releases the Edge Ingestor; the stream stays for the next broadcast) =='
    $stream | Stop-LiveChannel -PassThru | Out-Default
    $startedStream = $null
}
finally {
    # Only after a failure is there something left to clean up; each step says so if it cannot.
    if ($channel) {
        try {
            $current = Get-LiveChannel -Connection $sigma -Id $channel.Id
            if ($current.Status -eq 'active') { $current | Stop-LiveChannel }
            $current | Remove-LiveChannel -Confirm:$false
            'Cleaned up: channel {0} ({1}) is stopped and removed.' -f $channel.Name, $channel.Id
        }
        catch {
            Write-Warning ("Channel {0} ({1}) could not be removed: {2} Remove it with: Remove-LiveChannel -Id {1}" -f
                $channel.Name, $channel.Id, $_.Exception.Message)
        }
    }
    if ($startedStream) {
        try {
            $startedStream | Stop-LiveChannel
            'Cleaned up: stream {0} ({1}) is stopped.' -f $startedStream.Name, $startedStream.Id
        }
        catch {
            Write-Warning ("Stream {0} ({1}) could not be stopped: {2} Stop it with: Stop-LiveChannel -Id {1}" -f
                $startedStream.Name, $startedStream.Id, $_.Exception.Message)
        }
    }
}
