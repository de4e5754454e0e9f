# The code blocks of the README and the help pages, read from the files at test time (Examples.Tests.ps1), and the
# emulator set-ups that examples need (a live session, a Theta stream on air).
Set-StrictMode -Version Latest

# Fence languages whose blocks are PowerShell to run. Any other fence (bash, none: a layout listing, a shell command)
# is not run.
$script:RunnableLanguages = @('powershell', 'pwsh', 'ps1')

$script:Prompt = [regex] '^PS [^>]*> ?'

function Get-ExampleBlock {
    <#
    .SYNOPSIS
        The fenced code blocks of a markdown file: for docs/<Verb-Noun>.md the blocks of ## EXAMPLES (key
        "<Verb-Noun>.md Example N"), for any other file every block (key "<file> <heading>[ #n]"). Each has its
        Language, whether it Runs, the Code to run, the Output the page shows, and the Line of its fence.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        # How the file is named in keys and test names (README.md, docs/Get-LiveChannel.md).
        [Parameter(Mandatory)] [string] $Name
    )

    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $isCmdletPage = (Split-Path -Leaf $Path) -match '^[A-Za-z]+-[A-Za-z0-9]+\.md$'
    $section = $null
    $heading = $null
    $perHeading = @{}
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^(#{1,6})\s+(.+?)\s*$') {
            if ($Matches[1].Length -eq 2) { $section = $Matches[2] }
            $heading = $Matches[2]
            continue
        }

        if ($line -notmatch '^```\s*(\S*)\s*$') { continue }
        $language = $Matches[1].ToLowerInvariant()
        $start = $i
        $body = [System.Collections.Generic.List[string]]::new()
        for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```\s*$'; $i++) { $body.Add($lines[$i]) }

        if ($isCmdletPage) {
            # Only the examples of a cmdlet page: its SYNTAX and parameter blocks are not code to run.
            if ($section -ne 'EXAMPLES') { continue }
            $key = '{0} {1}' -f $Name, ($heading -replace ':.*$', '')
        }
        else {
            $perHeading[$heading] = 1 + [int] $perHeading[$heading]
            $key = '{0} "{1}"' -f $Name, ($heading -replace '^(Example \d+):.*$', '$1')
            if ($perHeading[$heading] -gt 1) { $key += " #$($perHeading[$heading])" }
        }

        $split = Split-ExampleText -Lines $body
        [pscustomobject] @{
            Key      = $key
            File     = $Name
            Line     = $start + 1
            Heading  = $heading
            Language = if ($language) { $language } else { '(none)' }
            Runs     = $language -in $script:RunnableLanguages
            Code     = $split.Code
            Output   = $split.Output
        }
    }
}

function Split-ExampleText {
    <#
    A block in the help's prompt style (PS C:\> ...) holds commands and the output they print: a line that starts with
    the prompt begins a command, the lines after it belong to that command until it parses as complete, and every other
    line is output the page shows. A block without a prompt is all code.
    #>
    param([AllowEmptyCollection()] [string[]] $Lines)

    if (-not ($Lines | Where-Object { $script:Prompt.IsMatch($_) })) {
        return @{ Code = ($Lines -join "`n"); Output = @() }
    }

    $code = [System.Collections.Generic.List[string]]::new()
    $output = [System.Collections.Generic.List[string]]::new()
    $command = $null
    foreach ($line in $Lines) {
        if ($script:Prompt.IsMatch($line)) {
            if ($null -ne $command) { $code.Add($command) }
            $command = $script:Prompt.Replace($line, '', 1)
        }
        elseif ($null -ne $command -and -not (Test-CompleteCommand $command)) {
            $command += "`n" + $line
        }
        else {
            if ($null -ne $command) { $code.Add($command); $command = $null }
            if ($line.Trim()) { $output.Add($line) }
        }
    }
    if ($null -ne $command) { $code.Add($command) }
    @{ Code = ($code -join "`n"); Output = $output.ToArray() }
}

function Test-CompleteCommand {
    param([string] $Text)
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref] $null, [ref] $errors)
    -not ($errors | Where-Object IncompleteInput)
}

function ConvertTo-OutputPattern {
    <#
    A line of output a page shows, as a regular expression: the values that differ from run to run (ids, stream keys,
    addresses, times, counts) match any value of their form; runs of spaces match any run of spaces.
    #>
    param([Parameter(Mandatory)] [string] $Line)

    $forms = @(
        , @('0x[0-9a-fA-F]{40}', '0x[0-9a-fA-F]{40}')
        , @('stream_[a-z0-9]{25}', 'stream_[a-z0-9]{25}')
        , @('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}')
        , @('\b\d{1,3}(\.\d{1,3}){3}\b', '\d{1,3}(\.\d{1,3}){3}')
        , @('\b[A-Za-z0-9]{32}\b', '[A-Za-z0-9]{16,64}')
        , @('\b\d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?', '\d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?')
        , @('-?\b\d+(\.\d+)?\b', '-?\d+(\.\d+)?')
    )
    $text = $Line.Trim()
    for ($f = 0; $f -lt $forms.Count; $f++) {
        $text = [regex]::Replace($text, $forms[$f][0], [string][char](0xE000 + $f))
    }
    $pattern = [regex]::Escape($text) -replace '(\\ )+', '\s+'
    for ($f = 0; $f -lt $forms.Count; $f++) {
        $pattern = $pattern.Replace([string][char](0xE000 + $f), $forms[$f][1])
    }
    '^\s*' + $pattern + '\s*$'
}

function Start-TestSigmaSession {
    <#
    Starts a Sigma channel (unless it is active) and plays its encoder: a live session with the events initialize,
    start, stable, and with -Interrupt interrupted and restored; -End unpublishes (the session ends). Returns the session
    as the emulator shows it.
    #>
    param(
        [Parameter(Mandatory)] [object] $Channel,
        [switch] $Interrupt,
        [switch] $End
    )

    $current = Get-LiveChannel -Id $Channel.Id
    if ($current.Status -ne 'active') { $current = $Channel | Start-LiveChannel -PassThru -Confirm:$false }
    $body = @{ streamToken = $current.StreamKey }
    $session = Invoke-EmulatorControl -Path sigma/publish -Body $body
    if ($Interrupt) {
        $null = Invoke-EmulatorControl -Path sigma/interrupt -Body $body
        $null = Invoke-EmulatorControl -Path sigma/restore -Body $body
    }
    if ($End) { $session = Invoke-EmulatorControl -Path sigma/unpublish -Body $body }
    $session
}

function Start-TestThetaBroadcast {
    <# Selects an Edge Ingestor for a Theta stream and plays OBS on it: the stream turns on. Returns the selection. #>
    param([Parameter(Mandatory)] [object] $Stream, [string] $IngestorId)

    $arguments = @{ ChannelId = $Stream.Id; Connection = $Stream.Connection; Confirm = $false }
    if ($IngestorId) { $arguments.Id = $IngestorId }
    $selection = Select-EdgeIngestor @arguments
    $null = Invoke-EmulatorControl -Path theta/encoder/publish -Body @{
        stream_server = $selection.IngestUrl; stream_key = $selection.StreamKey
    }
    $selection
}

function Start-EncoderStopOnWatch {
    <#
    A thread job that plays the encoder stopping once someone watches the channel: as soon as a request for the
    channel reaches the emulator after this call, it unpublishes the stream key (the session ends).
    #>
    param([Parameter(Mandatory)] [uri] $BaseUri, [Parameter(Mandatory)] [string] $ChannelId, [Parameter(Mandatory)] [string] $StreamKey)

    $requests = [uri]::new($BaseUri, '_emulator/requests')
    $null = Invoke-RestMethod -Uri $requests -Method Delete
    Start-ThreadJob -ArgumentList $BaseUri, $ChannelId, $StreamKey -ScriptBlock {
        param($BaseUri, $ChannelId, $StreamKey)
        $requests = [uri]::new($BaseUri, '_emulator/requests')
        for ($i = 0; $i -lt 400; $i++) {
            if (@(Invoke-RestMethod -Uri $requests) | Where-Object { $_.Method -eq 'GET' -and $_.Path -like "*/channels/$ChannelId" }) {
                Invoke-RestMethod -Uri ([uri]::new($BaseUri, '_emulator/sigma/unpublish')) -Method Post -ContentType 'application/json' -Body (@{ streamToken = $StreamKey } | ConvertTo-Json)
                return
            }
            Start-Sleep -Milliseconds 50
        }
        throw "No request for channel $ChannelId reached the emulator within 20 s."
    }
}

Export-ModuleMember -Function Get-ExampleBlock, ConvertTo-OutputPattern, Start-TestSigmaSession, Start-TestThetaBroadcast,
    Start-EncoderStopOnWatch
