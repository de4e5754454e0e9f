<#
.SYNOPSIS
    Event night: start every channel of the night, wait until all are live, follow their events (a line per
    interruption), stop everything at the end, and return one summary object per channel.

.DESCRIPTION
    An Azure Automation runbook (runtime 5.1 or 7.x, the LiveStream module imported from out/LiveStream.zip). It needs a
    credential asset SigmaLivestream (user name: the Sigma username; password: the secret key) and a variable asset
    SigmaAppId. It never prompts and uses no host-only cmdlet, so it runs the same from a schedule, in a job or in a
    console (where Get-AutomationPSCredential and Get-AutomationVariable must be provided, as the tests do).

    The night: the channels whose names match -NamePattern are started; Wait-LiveChannel waits on all of them at once
    and each one not live within -LiveTimeoutSec is reported as a warning. The live channels are then followed
    (Get-LiveSessionEvent -Follow, from session to session if an encoder reconnects) for -FollowSec, with one output
    line per interruption of the signal. Whatever happens, every started channel is stopped in finally. Last comes
    one object per channel: Channel, Session (the night's session ids), Duration (their total), Interruptions.

.EXAMPLE
    ./event-night.ps1 -NamePattern 'gala-*' -FollowSec 10800
#>
param(
    # The channels of the night (wildcards).
    [string] $NamePattern = 'event-*',

    # How long each channel may take to go live once started.
    [int] $LiveTimeoutSec = 600,

    # How long to follow the broadcast (the length of the night).
    [int] $FollowSec = 14400,

    [string] $CredentialName = 'SigmaLivestream',

    [string] $AppIdVariable = 'SigmaAppId',

    # The service's address; leave it out for the real Sigma service (the tests point it at the emulator).
    [uri] $BaseUri
)

$ErrorActionPreference = 'Stop'
$interruptionActions = 'interrupted', 'unstable', 'unpublished'

$connect = @{
    Sigma      = $true
    AppId      = Get-AutomationVariable -Name $AppIdVariable
    Credential = Get-AutomationPSCredential -Name $CredentialName
    Name       = 'event-night'
}
if ($BaseUri) { $connect.BaseUri = $BaseUri }
$connection = Connect-LiveStream @connect -PassThru

$channels = @(Get-LiveChannel -Name $NamePattern -Connection $connection)
if ($channels.Count -eq 0) {
    throw "No channel matches '$NamePattern'. Get-LiveChannel lists the channels of the app."
}

$started = @()
$interruptions = @{}
$sessionsOf = @{}
$channelOfSession = @{}
foreach ($channel in $channels) {
    $interruptions[$channel.Id] = 0
    $sessionsOf[$channel.Id] = [System.Collections.Generic.List[string]]::new()
}

try {
    $started = @($channels | Start-LiveChannel -PassThru -Confirm:$false)
    Write-Output "Started $($started.Count) channels: $(($started | ForEach-Object Name) -join ', ')."

    $notLive = @()
    $live = @($started | Wait-LiveChannel -State Live -TimeoutSec $LiveTimeoutSec -ErrorAction SilentlyContinue -ErrorVariable notLive)
    foreach ($session in $live) {
        $channelOfSession[$session.Id] = $session.ChannelId
        $sessionsOf[$session.ChannelId].Add($session.Id)
    }
    foreach ($problem in $notLive) {
        $name = ($channels | Where-Object Id -eq $problem.TargetObject).Name
        Write-Warning "Not live: $name. $($problem.Exception.Message)"
    }
    Write-Output "$($live.Count) of $($started.Count) channels are live."

    $liveChannels = @($started | Where-Object { $sessionsOf[$_.Id].Count -gt 0 })
    if ($liveChannels.Count -gt 0) {
        $liveChannels | Get-LiveSessionEvent -Follow -TimeoutSec $FollowSec | ForEach-Object {
            $sessionEvent = $_
            if (-not $channelOfSession.ContainsKey($sessionEvent.SessionId)) {
                # The encoder reconnected: a new session of one of the channels.
                $channelId = (Get-LiveSession -Id $sessionEvent.SessionId -Connection $connection).ChannelId
                $channelOfSession[$sessionEvent.SessionId] = $channelId
                $sessionsOf[$channelId].Add($sessionEvent.SessionId)
            }
            $channelId = $channelOfSession[$sessionEvent.SessionId]
            if ($sessionEvent.Action -in $interruptionActions) {
                $interruptions[$channelId]++
                $name = ($channels | Where-Object Id -eq $channelId).Name
                Write-Output ('{0:u}  {1}: signal interrupted ({2})' -f $sessionEvent.Time, $name, $sessionEvent.Message)
            }
        }
    }
}
finally {
    if ($started.Count -gt 0) {
        $started | Stop-LiveChannel -Confirm:$false -ErrorAction Continue
        Write-Output "Stopped $($started.Count) channels."
    }
}

foreach ($channel in $channels) {
    $ids = @($sessionsOf[$channel.Id])
    $sessions = @(if ($ids.Count -gt 0) { Get-LiveSession -Id $ids -Connection $connection })
    $seconds = ($sessions | Where-Object Duration | ForEach-Object { $_.Duration.TotalSeconds } | Measure-Object -Sum).Sum
    [pscustomobject] @{
        PSTypeName    = 'LiveStream.EventNightSummary'
        Channel       = $channel.Name
        Session       = $ids -join ', '
        Duration      = [timespan]::FromSeconds([double] $seconds)
        Interruptions = $interruptions[$channel.Id]
    }
}

Disconnect-LiveStream -Name 'event-night' -Confirm:$false
