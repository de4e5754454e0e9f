# Runs in LiveStream.PackageHost, a process that has never loaded LiveStream, against the packaged module folder.
# Variables: $manifest, $packageRoot, $conflictingJson, $baseUri, $appId, $user, $secret.
# Prints "key=value" lines that PackagedModuleTests check.
$ErrorActionPreference = 'Stop'

function Write-Fact([string] $Key, $Value) { "$Key=$Value" }

function Get-LoadContextName([System.Reflection.Assembly] $Assembly) {
    [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Assembly).Name
}

# Another module's System.Text.Json, loaded first: into the default context (as Add-Type -Path or an unisolated
# module would) and into an assembly load context of its own (as an isolated module, Az.Accounts for one, would).
$defaultJson = [System.Reflection.Assembly]::LoadFrom($conflictingJson)
Write-Fact 'conflict.default' "$($defaultJson.GetName().Version)|$(Get-LoadContextName $defaultJson)"
$otherModuleJson = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', $false).LoadFromAssemblyPath($conflictingJson)
Write-Fact 'conflict.other' "$($otherModuleJson.GetName().Version)|$(Get-LoadContextName $otherModuleJson)"

$module = Import-Module -Name $manifest -PassThru -WarningVariable importWarnings
Write-Fact 'import.warnings' $importWarnings.Count
Write-Fact 'import.base' $module.ModuleBase
Write-Fact 'import.cmdlets' ($module.ExportedCmdlets.Keys -join ',')

# JSON-heavy work: the credential check, sessions and their events (Vietnamese messages) from the emulator.
$credential = [pscredential]::new($user, [System.Net.NetworkCredential]::new('', $secret).SecurePassword)
$connection = Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential $credential -Name 'first' -PassThru
Write-Fact 'connected' "$($connection.Name)|$($connection.Vendor)"
Get-LiveSession | ForEach-Object { Write-Fact 'session' "$($_.Id)|$($_.Status)" }
Get-LiveSession | Get-LiveSessionEvent | ForEach-Object { Write-Fact 'event' "$($_.Action)|$($_.Message)" }
Get-LiveStreamConnection | ForEach-Object { Write-Fact 'listed' $_.Name }

# Where the module's assemblies are.
$core = $connection.GetType().Assembly
$moduleContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core)
Write-Fact 'core' "$(Get-LoadContextName $core)|$($core.Location)"
Write-Fact 'cmdlets' (Get-LoadContextName (Get-Command Connect-LiveStream).ImplementingType.Assembly)
Write-Fact 'module.context' (($moduleContext.Assemblies | ForEach-Object { $_.GetName().Name }) -join ',')
$coreJson = $moduleContext.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51'))
Write-Fact 'core.json' "$($coreJson.GetName().Version)|$(Get-LoadContextName $coreJson)"
$asyncInterfaces = $moduleContext.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Bcl.AsyncInterfaces'))
Write-Fact 'core.asyncinterfaces' "$(Get-LoadContextName $asyncInterfaces)|$($asyncInterfaces.Location)"

function Invoke-InRunspace([System.Management.Automation.Runspaces.Runspace] $Runspace, [string] $Script, [object[]] $Arguments) {
    $shell = [powershell]::Create()
    try {
        $shell.Runspace = $Runspace
        $null = $shell.AddScript($Script)
        foreach ($argument in $Arguments) { $null = $shell.AddArgument($argument) }
        $shell.Invoke()
        foreach ($record in $shell.Streams.Error) { Write-Fact 'runspace.error' $record }
    }
    finally {
        $shell.Dispose()
    }
}

# A second runspace of the process, as a second Azure Automation job in the same worker: it imports the module again
# and sees none of the first runspace's connections.
$second = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
$second.Open()
Invoke-InRunspace $second 'param($manifest) Import-Module $manifest; "second.connections=$(@(Get-LiveStreamConnection -Name *).Count)"' @($manifest)
$second.Dispose()

# Two jobs at once on the two runspaces of a RunspacePool: each connects under its own name, waits for the other,
# then lists what it sees.
$sessionState = [initialsessionstate]::CreateDefault2()
$sessionState.ImportPSModule([string[]]@($manifest))
$pool = [runspacefactory]::CreateRunspacePool($sessionState)
$null = $pool.SetMinRunspaces(2)
$null = $pool.SetMaxRunspaces(2)
$pool.Open()
$bothConnected = [System.Threading.Barrier]::new(2)
$job = @'
param($name, $bothConnected, $appId, $baseUri, $credential)
Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential $credential -Name $name
if (-not $bothConnected.SignalAndWait([timespan]::FromSeconds(60))) { throw 'the other job never connected' }
"pool=$name|$(@(Get-LiveStreamConnection | ForEach-Object { $_.Name }) -join '+')|$([runspace]::DefaultRunspace.InstanceId)"
'@
$running = foreach ($name in 'poolA', 'poolB') {
    $shell = [powershell]::Create()
    $shell.RunspacePool = $pool
    $null = $shell.AddScript($job).AddArgument($name).AddArgument($bothConnected).AddArgument($appId).AddArgument($baseUri).AddArgument($credential)
    [pscustomobject]@{ Shell = $shell; Handle = $shell.BeginInvoke() }
}
foreach ($one in $running) {
    $one.Shell.EndInvoke($one.Handle)
    foreach ($record in $one.Shell.Streams.Error) { Write-Fact 'pool.error' $record }
    $one.Shell.Dispose()
}
$pool.Dispose()

# Remove-Module and import again: the loader is unhooked and hooked again, the same LiveStream.Core serves.
Remove-Module -Name LiveStream
$null = Import-Module -Name $manifest -PassThru
$again = Connect-LiveStream -Sigma -AppId $appId -BaseUri $baseUri -Credential $credential -Name 'again' -PassThru
Write-Fact 'reimported' "$($again.Name)|$($again.GetType().Assembly -eq $core)"

# The manifest and the help of the packaged folder.
$tested = Test-ModuleManifest -Path $manifest -WarningVariable manifestWarnings
Write-Fact 'manifest' "$($tested.Name)|$($tested.Version)|$($manifestWarnings.Count)"
Write-Fact 'manifest.helpinfouri' $tested.HelpInfoUri
Write-Fact 'manifest.projecturi' $tested.ProjectUri
Write-Fact 'manifest.licenseuri' $tested.LicenseUri
Write-Fact 'manifest.releasenotes' ($tested.ReleaseNotes.Length -gt 0)
$help = Get-Help Connect-LiveStream -Full
Write-Fact 'help' "$($help.Synopsis)|$(@($help.examples.example).Count)"
Write-Fact 'about' ("$(Get-Help about_LiveStream)".Contains('Get-AutomationPSCredential'))

# Autoloading: with the package folder on PSModulePath, a fresh runspace finds each cmdlet by name, and runs one,
# without Import-Module.
$env:PSModulePath = $packageRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath
foreach ($name in $module.ExportedCmdlets.Keys) {
    $fresh = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $fresh.Open()
    Invoke-InRunspace $fresh 'param($name) $command = Get-Command -Name $name; "found=$name|$($command.Source)|$($command.Module.ModuleBase)"' @($name)
    $fresh.Dispose()
}
$fresh = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
$fresh.Open()
Invoke-InRunspace $fresh 'Get-LiveStreamConnection -Name *; "autoloaded=$((Get-Module LiveStream).ModuleBase)"' @()
$fresh.Dispose()
Write-Fact 'core.count' @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'LiveStream.Core' }).Count
Write-Fact 'done' 'true'
