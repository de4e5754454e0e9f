# The module in other runspaces: ForEach-Object -Parallel and Start-ThreadJob. Connections belong to the runspace that
# made them: another runspace has none of its own, and is given one with -Connection $using:conn (or through the
# Connection of the objects it is given).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest
    $sigma = Connect-TestSigma -PassThru
    $theta = Connect-TestTheta -PassThru
}

AfterAll { Get-LiveStreamConnection | Disconnect-LiveStream }

Describe 'ForEach-Object -Parallel' {
    It 'creates channels in parallel with -Connection $using:conn, each on that connection' {
        $made = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            New-LiveChannel -Name "Parallel $_" -Connection $using:sigma -Confirm:$false
        }
        $made.Name | Sort-Object | Should -Be (1..4 | ForEach-Object { "Parallel $_" })
        $made | ForEach-Object { $_.Connection | Should -Be $sigma }
        @(Get-LiveChannel -Connection $sigma -Name 'Parallel *').Count | Should -Be 4
    }

    It 'acts on objects passed in with $using: through the connection they carry' {
        $channels = Get-LiveChannel -Connection $sigma -Name 'Parallel *'
        $started = $channels | ForEach-Object -ThrottleLimit 2 -Parallel { $_ | Start-LiveChannel -PassThru -Confirm:$false }
        $started.Status | Should -Be 'active', 'active', 'active', 'active'
        $channels | ForEach-Object -Parallel { $_ | Stop-LiveChannel -Confirm:$false }
        (Get-LiveChannel -Connection $sigma -Name 'Parallel *').Status | Select-Object -Unique | Should -Be 'stop'
    }

    It 'works for Theta too, and the parallel runspaces add no connection to this one' {
        $streams = 'P1', 'P2' | ForEach-Object -Parallel {
            New-LiveChannel -Name $_ -Connection $using:theta -Confirm:$false
        }
        $streams.Provider | Should -Be 'Theta', 'Theta'
        @(Get-LiveStreamConnection).Count | Should -Be 2
    }

    It 'has no connection in a parallel runspace without -Connection: LiveStream.NotConnected' {
        $errors = 1 | ForEach-Object -Parallel {
            try { Get-LiveChannel -ErrorAction Stop; 'no error' }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }
        }
        $errors | Should -Be 'LiveStream.NotConnected,LiveStream.Commands.GetLiveChannelCommand', 'ConnectionError'
    }
}

Describe 'Start-ThreadJob' {
    It 'lists channels with -Connection $using:conn' {
        $job = Start-ThreadJob -ScriptBlock { Get-LiveChannel -Connection $using:sigma -Name 'Parallel *' }
        $listed = $job | Receive-Job -Wait -AutoRemoveJob
        @($listed).Count | Should -Be 4
        $listed[0].Connection | Should -Be $sigma
    }

    It 'fails with LiveStream.NotConnected without -Connection: a thread job has no connection of its own' {
        $job = Start-ThreadJob -ScriptBlock { Get-LiveChannel }
        $listed = $job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable failed -ErrorAction SilentlyContinue
        $listed | Should -BeNullOrEmpty
        Get-ErrorSummary $failed | Should -Be 'LiveStream.NotConnected|ConnectionError|'
    }

    It 'keeps a connection made in the job to the job' {
        $credential = Get-SigmaTestCredential
        $appId = Get-SigmaTestAppId
        $baseUri = Get-TestBaseUri
        $job = Start-ThreadJob -ScriptBlock {
            Connect-LiveStream -Sigma -AppId $using:appId -Credential $using:credential -BaseUri $using:baseUri -Name 'in-job'
            (Get-LiveChannel -Name 'Parallel *' | Measure-Object).Count
        }
        $job | Receive-Job -Wait -AutoRemoveJob | Should -Be 4
        (Get-LiveStreamConnection).Name | Should -Not -Contain 'in-job'
    }
}
