<#
.SYNOPSIS
    LiveStream quickstart: connect to Sigma and Theta and run a broadcast, against the local emulator by default.

.DESCRIPTION
    Runs unchanged in pwsh 7, Windows PowerShell 5.1 and the repository's demo host (dotnet run --project
    src/LiveStream.Demo). Against pwsh, start the emulator first:
        dotnet run --project src/LiveStream.Emulator -- --urls http://127.0.0.1:5080
    then, with the module imported:
        ./examples/quickstart.ps1 -BaseUri http://127.0.0.1:5080
    The default credentials are the emulator's seeded accounts; give your own to run it against the real vendors.
#>
[CmdletBinding()]
param(
    [uri] $BaseUri = 'http://127.0.0.1:5080',

    [string] $SigmaAppId = '0c787e24-87a3-47da-a131-e8310f35aff7',

    [pscredential] $SigmaCredential = [pscredential]::new('emulator-user',
        [System.Net.NetworkCredential]::new('', 'sigma-emulator-secret-key-0001').SecurePassword),

    [pscredential] $ThetaCredential = [pscredential]::new('srvacc_emulator0000000000000000a',
        [System.Net.NetworkCredential]::new('', 'theta-emulator-secret-a-000000001').SecurePassword)
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name LiveStream)) {
    Import-Module -Name LiveStream
}

# Each section sends its objects to Out-Default itself: in one output stream PowerShell shows objects of a type other
# than the first it met as lists of all their properties (not their table view), and holds a table back to size its
# columns, which would print it after the sections that follow.
'== Connect to both vendors (the secrets stay SecureStrings) =='
Connect-LiveStream -Sigma -AppId $SigmaAppId -Credential $SigmaCredential -BaseUri $BaseUri
Connect-LiveStream -Theta -Credential $ThetaCredential -BaseUri $BaseUri
Get-LiveStreamConnection | Out-Default

'== Sigma: create a channel (the document defaults: transcode, ultra-low-latency, 1080p/720p/480p, HLS) =='
$sigma = Get-LiveStreamConnection -Vendor Sigma
$channel = New-LiveChannel -Connection $sigma -Name 'quickstart-news' -Description 'Made by quickstart.ps1' -Tag demo
$channel | Out-Default

'== Start it: the encoder pushes to IngestUrl with StreamKey; viewers open PlaybackUrl =='
$channel | Start-LiveChannel -PassThru | Out-Default
'Point the encoder at {0} with the channel''s StreamKey; waiting until it is live...' -f $channel.IngestUrl

'== The broadcast is live: its session =='
$session = $channel | Wait-LiveChannel -State Live -TimeoutSec 300
$session | Out-Default

'== What happened in the session so far (Sigma writes its messages in Vietnamese) =='
$session | Get-LiveSessionEvent | Out-Default

'== Stop the channel: the session ends, with its duration =='
$channel | Stop-LiveChannel
Get-LiveSession -ChannelId $channel.Id -First 1 | Out-Default
$session | Get-LiveSessionEvent -Action ended | Out-Default

'== Remove it =='
$channel | Remove-LiveChannel -Confirm:$false
'Channels left: {0}' -f @(Get-LiveChannel -Connection $sigma).Count

$theta = Get-LiveStreamConnection -Vendor Theta
'== Theta: the three nearest available Edge Ingestors =='
Get-EdgeIngestor -Connection $theta -State Available -First 3 | Out-Default

'== Theta: a stream (an account holds at most three, so one of the same name is reused; Theta has no delete) =='
$stream = @(Get-LiveChannel -Connection $theta | Where-Object Name -EQ 'quickstart-theta')[0]
if (-not $stream) {
    $stream = New-LiveChannel -Connection $theta -Name 'quickstart-theta'
}
$stream | Out-Default

'== Theta: start it (selects the nearest available Edge Ingestor) and paste the ingest details into OBS =='
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
