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

    It 'removes and imports again in the same session, and its cmdlets still work' {
        $run = Invoke-NewPwsh -Script @'
Import-Module LiveStream
Remove-Module LiveStream
"after-remove=$(@(Get-Module LiveStream).Count)"
Import-Module LiveStream -WarningVariable warnings
"warnings=$(@($warnings).Count) connections=$(@(Get-LiveStreamConnection).Count)"
Remove-Module LiveStream
$c = Get-Command Get-LiveChannel
"autoload-again=$($c.Source) loaded=$([bool](Get-Module LiveStream))"
'@
        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -Match 'after-remove=0'
        $run.Output | Should -Match 'warnings=0 connections=0'
        $run.Output | Should -Match 'autoload-again=LiveStream'
    }

    It 'Get-Command -Module LiveStream lists exactly the manifest''s cmdlets and alias' {
        $manifest = Import-PowerShellDataFile (Join-Path (Get-RepositoryRoot) 'LiveStream.psd1')
        $commands = Get-Command -Module LiveStream
        @($commands | Where-Object CommandType -EQ 'Cmdlet' | ForEach-Object Name | Sort-Object) |
            Should -Be @($manifest.CmdletsToExport | Sort-Object)
        @($commands | Where-Object CommandType -EQ 'Alias' | ForEach-Object Name | Sort-Object) |
            Should -Be @($manifest.AliasesToExport | Sort-Object)
        @($commands | Where-Object CommandType -NotIn 'Cmdlet', 'Alias') | Should -BeNullOrEmpty
        (Get-Alias -Name Unselect-EdgeIngestor).ResolvedCommandName | Should -Be 'Disconnect-EdgeIngestor'
    }

    It 'uses an approved verb for every cmdlet' {
        $approved = (Get-Verb).Verb
        Get-Command -Module LiveStream -CommandType Cmdlet | Where-Object Verb -NotIn $approved |
            ForEach-Object Name | Should -BeNullOrEmpty
    }
}
