@{
    RootModule             = 'LiveStream.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b0f3c1e-8d2a-4f57-9c61-2e7a4d9b8f10'
    Author                 = 'LiveStream contributors'
    CompanyName            = 'LiveStream'
    Copyright              = '(c) LiveStream contributors. MIT License.'
    Description            = 'Run livestreams on Sigma Livestream and Theta EdgeCloud from PowerShell: channels, sessions, events and Edge Ingestors as typed objects, with a local emulator of both vendor APIs for offline dry runs.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('LiveStream.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-LiveStream'
        'Disconnect-LiveStream'
        'Get-LiveStreamConnection'
        'New-LiveChannel'
        'Get-LiveChannel'
        'Start-LiveChannel'
        'Stop-LiveChannel'
        'Remove-LiveChannel'
        'New-LiveS3Destination'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Livestream', 'Streaming', 'Video', 'RTMP', 'HLS', 'Sigma', 'Theta', 'EdgeCloud', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/livestream-powershell/LiveStream'
            LicenseUri   = 'https://github.com/livestream-powershell/LiveStream/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/livestream-powershell/LiveStream/releases'
        }
    }
}
