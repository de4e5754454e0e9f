# Get-EdgeIngestor as a user runs it: the account's ingestors nearest first, -State, paging, the connection of piped
# objects, errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'Get-EdgeIngestor on Theta' {
    BeforeAll {
        Reset-Emulator
        $theta = Connect-TestTheta -PassThru -Extra @{ MaxRetries = 0 }
        $stream = New-LiveChannel -Name 'Ingest' -Confirm:$false
        $selection = $stream | Select-EdgeIngestor -Confirm:$false
    }
    BeforeEach { Clear-EmulatorRequest }

    It 'lists the ingestors nearest first, in one request' {
        $all = Get-EdgeIngestor
        @($all).Count | Should -BeGreaterThan 3
        # $all.Rank would be the array's own Rank (1): read each ingestor's.
        $all | ForEach-Object Rank | Should -Be (1..@($all).Count)
        $all[0].Id | Should -Match '^0x[0-9a-fA-F]{40}$'
        $all[0].Connection | Should -Be $theta
        $all[0].PSTypeNames | Should -Contain 'LiveStream.Model.EdgeIngestor'
        Get-RequestCount -PathLike '/ingestor/filter' | Should -Be 1
    }

    It 'filters by -State (positionally too), values as a user types them' {
        (Get-EdgeIngestor -State Selected).Id | Should -Be $selection.IngestorId
        Get-EdgeIngestor available | ForEach-Object { $_.State | Should -Be 'available' }
        $both = Get-EdgeIngestor -State Busy, Unavailable
        $both.State | Sort-Object -Unique | Should -Be 'busy', 'unavailable'
    }

    It 'pages with -First, -Skip and -IncludeTotalCount' {
        $all = Get-EdgeIngestor
        (Get-EdgeIngestor -Skip 2 -First 2).Id | Should -Be $all[2].Id, $all[3].Id
        $counted = Get-EdgeIngestor -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match "$(@($all).Count)"
        @($counted).Count | Should -Be 2
    }

    It 'uses the connection of a piped stream (its account''s view)' {
        $b = Connect-TestTheta -Account b -Name 'ingest-b' -PassThru
        try {
            $streamOfA = Get-LiveChannel -Id $stream.Id -Connection $theta
            $listed = $streamOfA | Get-EdgeIngestor -State Selected
            $listed.Connection | Should -Be $theta
        }
        finally { $b | Disconnect-LiveStream }
    }

    It 'maps the vendor answering <Status> to <ErrorId> (<Category>)' -ForEach @(
        @{ Status = 403; ErrorId = 'LiveStream.PermissionDenied'; Category = 'PermissionDenied' }
        @{ Status = 500; ErrorId = 'LiveStream.ServerError'; Category = 'ConnectionError' }
        @{ Status = 404; ErrorId = 'LiveStream.NotFound'; Category = 'ObjectNotFound' }
    ) {
        try {
            Add-EmulatorFault @{ pathPattern = '^/ingestor/filter'; kind = 'Status'; status = $Status }
            Get-EdgeIngestor -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ErrorIds $failed | Should -Be $ErrorId
            $failed[0].CategoryInfo.Category | Should -Be $Category
        }
        finally { $null = Invoke-EmulatorControl -Path faults -Method DELETE }
    }

    It 'refuses a state that is not one of the four (a binding error)' {
        { Get-EdgeIngestor -State Free } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Get-EdgeIngestor without a Theta connection' {
    BeforeAll {
        Reset-Emulator
        Get-LiveStreamConnection | Disconnect-LiveStream
    }

    It 'ends with NotConnected with no connection, and WrongVendor for a Sigma one' {
        { Get-EdgeIngestor } | Should -Throw -ErrorId 'LiveStream.NotConnected,*'
        $sigma = Connect-TestSigma -PassThru
        { Get-EdgeIngestor } | Should -Throw -ErrorId 'LiveStream.NotConnected,*'
        { Get-EdgeIngestor -Connection $sigma } | Should -Throw -ErrorId 'LiveStream.WrongVendor,*'
        Get-LiveStreamConnection | Disconnect-LiveStream
    }
}
