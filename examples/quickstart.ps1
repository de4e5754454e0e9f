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
        [System.Net.NetworkCredential]::new('', 'theta-emulator-secret-a-000000001').SecurePassword),

    # A Theta stream (stream_...) of the Theta account: when given, the Theta part selects an Edge Ingestor for it.
    [string] $ThetaStreamId
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

'== Theta: the three nearest available Edge Ingestors =='
Get-EdgeIngestor -State Available -First 3 | ForEach-Object {
    '{0}. {1}  {2,-15} {3}  stakes {4}' -f $_.Rank, $_.Id, $_.Ip, $_.State, $_.Stakes
}

if ($ThetaStreamId) {
    "== Theta: select the nearest available Edge Ingestor for $ThetaStreamId =="
    $selection = Select-EdgeIngestor -ChannelId $ThetaStreamId
    "Edge Ingestor $($selection.IngestorId) is selected. Paste into OBS before $($selection.ExpiresAt.ToString('T')) " +
    '(an unused selection lapses after five minutes):'
    $selection.ObsHint

    '== Theta: release the Edge Ingestor (Disconnect-EdgeIngestor, alias Unselect-EdgeIngestor) =='
    $selection | Disconnect-EdgeIngestor
    $released = Get-EdgeIngestor | Where-Object Id -EQ $selection.IngestorId
    "Edge Ingestor $($released.Id) is $($released.State) again."
}
else {
    'Selecting an Edge Ingestor needs a Theta stream: run this script with -ThetaStreamId stream_... to select the ' +
    'nearest ingestor for it, show the OBS settings and release it.'
}
