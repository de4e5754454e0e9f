# The module as a user finds it: on $env:PSModulePath, imported by name or loaded by running a cmdlet, with no warning.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

Describe 'The packaged module' {
    It 'imports by name from $env:PSModulePath in a new pwsh with no warning and exports every cmdlet of the manifest' {
        $run = Invoke-NewPwsh -Script @'
$module = Import-Module LiveStream -PassThru -WarningVariable warnings 3>&1
"warnings=$(@($warnings).Count)"
"path=$($module.ModuleBase)"
"cmdlets=$(@($module.ExportedCmdlets.Keys | Sort-Object) -join ',')"
'@
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'warnings=0'
        $run.Output | Should -Match ([regex]::Escape([IO.Path]::Combine('test', 'LiveStream')))
        $manifest = Import-PowerShellDataFile (Join-Path (Get-RepositoryRoot) 'LiveStream.psd1')
        $run.Output | Should -Match ('cmdlets=' + [regex]::Escape((@($manifest.CmdletsToExport | Sort-Object) -join ',')))
    }

    It 'loads by itself when a cmdlet is run (autoload) in a new pwsh' {
        $run = Invoke-NewPwsh -Script @'
$connections = @(Get-LiveStreamConnection)
"loaded=$([bool](Get-Module LiveStream)) count=$($connections.Count)"
'@
        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -Match 'loaded=True count=0'
    }
}
