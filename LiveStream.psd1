@{
    # This file is the source of the module's manifest, read where it lies (Test-ModuleManifest at the repository root)
    # and written by the build beside the built files (src/LiveStream/LiveStream.Manifest.targets): there "#build: "
    # goes, so the lines that name built assemblies take effect, and paths lose their src/LiveStream/ prefix.
    #build: RootModule             = 'LiveStream.dll'
    # Imported before RootModule: installs the loader that keeps dependencies/ apart from other modules' assemblies.
    #build: NestedModules          = @('LiveStream.Loader.dll')
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b0f3c1e-8d2a-4f57-9c61-2e7a4d9b8f10'
    Author                 = 'LiveStream contributors'
    CompanyName            = 'LiveStream'
    Copyright              = '(c) LiveStream contributors. MIT License.'
    Description            = 'Run livestreams on Sigma Livestream and Theta EdgeCloud from PowerShell: channels, sessions, events and Edge Ingestors as typed objects, with a local emulator of both vendor APIs for offline dry runs.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('src/LiveStream/LiveStream.format.ps1xml')
    TypesToProcess         = @('src/LiveStream/LiveStream.types.ps1xml')
    CmdletsToExport        = @(
        'Connect-LiveStream'
        'Disconnect-LiveStream'
        'Get-LiveStreamConnection'
        'Get-LiveSession'
        'Get-LiveSessionStatus'
        'Get-LiveSessionEvent'
        'Wait-LiveChannel'
        'Get-EdgeIngestor'
        'Select-EdgeIngestor'
        'Disconnect-EdgeIngestor'
        'New-LiveChannel'
        'Get-LiveChannel'
        'Start-LiveChannel'
        'Stop-LiveChannel'
        'Remove-LiveChannel'
        'New-LiveS3Destination'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @('Unselect-EdgeIngestor')
    PrivateData            = @{
        PSData = @{
            Tags         = @('Livestream', 'Streaming', 'Video', 'RTMP', 'HLS', 'Sigma', 'Theta', 'EdgeCloud', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/livestream-powershell/LiveStream'
            LicenseUri   = 'https://github.com/livestream-powershell/LiveStream/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0, first release: cmdlets for Sigma Livestream and Theta EdgeCloud (connections, channels, sessions and events,
Edge Ingestors), a local emulator of both vendor APIs, Get-Help for every cmdlet and about_LiveStream, and a module
folder that loads beside other modules' System.Text.Json in Windows PowerShell 5.1 and PowerShell 7.
Releases: https://github.com/livestream-powershell/LiveStream/releases
'@
        }
    }
}
