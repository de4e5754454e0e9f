# Runs the LiveStream emulator as a process of its own on a free loopback port (build.ps1 -Task Demo, the Pester suite).
Set-StrictMode -Version Latest

function Start-EmulatorProcess {
    <#
    .SYNOPSIS
        Starts the built emulator on a free loopback port and returns its process and base URI.
    #>
    [CmdletBinding()]
    param(
        # The emulator's built LiveStream.Emulator.dll.
        [Parameter(Mandatory)]
        [string] $Path,

        # Publish to each Sigma channel a second after it starts (and play a Theta encoder), as a real encoder would.
        [switch] $SimulateEncoder,

        [int] $StartTimeoutSec = 60
    )

    if (-not (Test-Path -LiteralPath $Path)) {
        throw "The emulator is not built: '$Path' does not exist. Run ./build.ps1 -Task Build first."
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @((Resolve-Path -LiteralPath $Path).ProviderPath, '--urls', 'http://127.0.0.1:0')) {
        $start.ArgumentList.Add($argument)
    }
    if ($SimulateEncoder) { $start.ArgumentList.Add('--simulate-encoder') }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)

    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    $banner = [System.Collections.Generic.List[string]]::new()
    $line = $null
    while ([DateTime]::UtcNow -lt $deadline) {
        # One read at a time: a read still pending after a second is waited for again, not started anew.
        if ($null -eq $line) { $line = $process.StandardOutput.ReadLineAsync() }
        if (-not $line.Wait([TimeSpan]::FromSeconds(1))) { continue }
        $text = $line.Result
        $line = $null
        if ($null -eq $text) { break }
        $banner.Add($text)
        if ($text -match 'listening on (http://\S+)') {
            $baseUri = [uri] $Matches[1]
            # Keep reading what it prints so that its pipe never fills.
            $null = $process.StandardOutput.ReadToEndAsync()
            $null = $process.StandardError.ReadToEndAsync()
            return [pscustomobject]@{ Process = $process; BaseUri = $baseUri; Banner = $banner.ToArray() }
        }
    }

    if (-not $process.HasExited) { $process.Kill() }
    throw "The emulator did not say where it listens within $StartTimeoutSec s. It printed: $($banner -join ' | ') $($process.StandardError.ReadToEnd())"
}

function Stop-EmulatorProcess {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-EmulatorProcess: SIGTERM (it shuts down cleanly), then a kill after a grace time.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [object] $Emulator,

        [int] $GraceSec = 10
    )

    process {
        $process = $Emulator.Process
        if ($process.HasExited) { return }
        if (-not $IsWindows) {
            & kill -s TERM $process.Id 2>$null
            if ($process.WaitForExit($GraceSec * 1000)) { return }
        }
        $process.Kill()
        $null = $process.WaitForExit(5000)
    }
}

Export-ModuleMember -Function Start-EmulatorProcess, Stop-EmulatorProcess
