# Help as a user reads it in pwsh at 80 columns: Get-Help -Full, -Examples, -Parameter and the about topics, with
# nothing that points to files the module does not ship, an -Online page for every cmdlet, and manifests that pass
# Test-ModuleManifest at the repository root and in the package.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function Get-HelpLine {
        param([Parameter(Mandatory)] [hashtable] $Arguments)
        @((Get-Help @Arguments | Out-String -Width 80) -split '\r?\n' | ForEach-Object { $_.TrimEnd() })
    }

    $script:module = Get-Module LiveStream
    $script:cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
    $script:aboutTopics = @(Get-ChildItem (Join-Path (Get-RepositoryRoot) 'docs') -Filter 'about_*.md' | ForEach-Object BaseName)
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest at the repository root' {
        Push-Location (Get-RepositoryRoot)
        try {
            $tested = Test-ModuleManifest ./LiveStream.psd1 -ErrorAction Stop
        }
        finally {
            Pop-Location
        }

        $tested.Name | Should -Be 'LiveStream'
        @($tested.ExportedFormatFiles) | Should -HaveCount 1
        $tested.ExportedFormatFiles | ForEach-Object { $_ | Should -Exist }
    }

    It 'passes Test-ModuleManifest in the package, with its format file beside it and the root module named' {
        $tested = Test-ModuleManifest (Join-Path $module.ModuleBase 'LiveStream.psd1') -ErrorAction Stop

        $tested.RootModule | Should -Be 'LiveStream.dll'
        $tested.ExportedFormatFiles | Should -Be (Join-Path $module.ModuleBase 'LiveStream.format.ps1xml')
    }

    It 'names no HelpInfoURI, as there is no updatable help to download' {
        (Test-ModuleManifest (Join-Path $module.ModuleBase 'LiveStream.psd1')).HelpInfoUri | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help <_>' -ForEach @((Get-Module LiveStream -ListAvailable | Select-Object -First 1).ExportedCmdlets.Keys | Sort-Object) {
    It '-Full fits 80 columns, has no placeholder and cites no file the module does not ship' {
        $lines = Get-HelpLine @{ Name = $_; Full = $true }

        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        ($lines -join "`n") | Should -Not -Match '\{\{|design\.md'
        ($lines -join "`n") | Should -Match 'NOTES|RELATED LINKS'
    }

    It 'has an -Online page: the first link is its page in the repository' {
        $link = @((Get-Help $_).relatedLinks.navigationLink | Where-Object { $_.uri })[0]

        $link.uri | Should -Be "https://github.com/livestream-powershell/LiveStream/blob/main/docs/$_.md"
    }

    It '-Examples shows examples with code' {
        $examples = @((Get-Help $_ -Examples).examples.example)

        $examples.Count | Should -BeGreaterThan 0
        $examples | ForEach-Object { $_.code | Should -Not -BeNullOrEmpty }
        (Get-HelpLine @{ Name = $_; Examples = $true }) | Where-Object Length -GT 80 | Should -BeNullOrEmpty
    }

    It '-Parameter describes every parameter' {
        $command = Get-Command $_
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $lines = Get-HelpLine @{ Name = $_; Parameter = $name }

            ($lines -join ' ') | Should -Match "-$name\b" -Because "Get-Help $_ -Parameter $name"
            @($lines | Where-Object { $_ -match '^\s{4}\S' -and $_ -notmatch '\?|Default value|Aliases' }).Count |
                Should -BeGreaterThan 0 -Because "-$name of $_ has a description"
        }
    }
}

Describe 'Get-Help <_> (about topic)' -ForEach @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Filter 'about_*.md' | ForEach-Object BaseName) {
    It 'prints, fits 80 columns except for code lines, and cites no file the module does not ship' {
        $source = Get-Content (Join-Path (Get-RepositoryRoot) "docs/$_.md")
        $inCode = $false
        $code = foreach ($line in $source) {
            if ($line -match '^```') { $inCode = -not $inCode; continue }
            if ($inCode) { $line.Trim() }
        }

        $lines = Get-HelpLine @{ Name = $_ }

        $lines.Count | Should -BeGreaterThan 10
        $lines | Where-Object { $_.Length -gt 80 -and $_.Trim() -notin $code } | Should -BeNullOrEmpty
        ($lines -join "`n") | Should -Not -Match 'design\.md|\{\{'
    }
}
