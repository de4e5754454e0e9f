# No write of the module prompts: -Debug makes PowerShell ask before a compiled cmdlet's verbose, warning (and, in
# Windows PowerShell, debug) messages, which throws in a non-interactive pwsh and stops a bulk job half way.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function Invoke-DebugScript {
        <# Runs Body in a new -NonInteractive pwsh connected to both vendors; returns its printed lines. #>
        param([Parameter(Mandatory)] [string] $Body)
        $connections = '$sigmaConnection = Get-LiveStreamConnection -Name Sigma; $thetaConnection = Get-LiveStreamConnection -Name Theta' + [Environment]::NewLine
        $run = Invoke-NewPwsh -Script ((Get-TestConnectScript -Sigma -Theta) + $connections + $Body)
        $run.Output + $run.Error
    }
}

Describe 'Every cmdlet with -Debug in a non-interactive pwsh' {
    BeforeEach { Reset-Emulator }

    It 'New-LiveChannel -ThrottleLimit 8 -Debug creates 20 channels, 3 of whose answers are lost: 20 objects, 3 warnings, 0 errors' {
        $text = Invoke-DebugScript @'
$rule = '{"pathPattern":"^/api/livestream/channels$","method":"POST","kind":"DropAfter","count":3}'
$null = Invoke-RestMethod -Uri "$($base)_emulator/faults" -Method POST -Body $rule -ContentType 'application/json'
$records = 1..20 | ForEach-Object { "debug bulk $_" } |
    New-LiveChannel -Connection $sigmaConnection -ThrottleLimit 8 -Debug -Confirm:$false -ErrorVariable failures 5>&1 4>&1 3>&1
$objects = @($records | Where-Object { $_.GetType().FullName -eq 'LiveStream.Model.LiveChannel' })
$debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] })
$verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
$warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
"objects=$($objects.Count) distinct=$(@($objects.Name | Sort-Object -Unique).Count) warnings=$($warnings.Count) errors=$($failures.Count) debug=$($debug.Count -gt 0) verbose=$($verbose.Count -gt 0)"
'@
        $text | Should -Match 'objects=20 distinct=20 warnings=3 errors=0 debug=True verbose=True'
        $text | Should -Not -Match 'NonInteractive'
        @(Get-EmulatorRequest -Method POST -PathLike '/api/livestream/channels') | Should -HaveCount 20
    }

    It 'runs every cmdlet of both vendors with -Debug with no prompt and no error' {
        $text = Invoke-DebugScript @'
$all = @()
$sigma = New-LiveChannel -Name 'debug sigma' -Connection $sigmaConnection -Debug -Confirm:$false
$theta = New-LiveChannel -Name 'debug theta' -Connection $thetaConnection -Debug -Confirm:$false
$all += $sigma, $theta
$all += Get-LiveChannel -Connection $sigmaConnection -Debug
$all += $sigma | Get-LiveChannel -Debug
$all += $sigma | Start-LiveChannel -PassThru -Debug -Confirm:$false
$all += Get-LiveSession -ChannelId $sigma.Id -Debug
$all += $sigma | Stop-LiveChannel -PassThru -Debug -Confirm:$false
$all += $theta | Start-LiveChannel -PassThru -Debug -Confirm:$false
$all += Get-EdgeIngestor -Debug
$selected = @(Get-EdgeIngestor -State Selected)
if ($selected) { $selected[0] | Disconnect-EdgeIngestor -Debug -Confirm:$false }
$all += Select-EdgeIngestor -ChannelId $theta.Id -Debug -Confirm:$false
$all += Get-LiveStreamConnection -Debug
$all += New-LiveS3Destination -Bucket 'bucket' -Endpoint 'https://s3.example.com' -Region 'r' -AccessKey 'a' -SecretKey (ConvertTo-SecureString 'secret-key-1' -AsPlainText -Force) -Debug
$session = $sigma | Start-LiveChannel -PassThru -Confirm:$false
$all += Get-LiveSessionStatus -SessionId (Get-LiveChannel -Id $sigma.Id).CurrentSessionId -Debug -ErrorAction SilentlyContinue
$all += Get-LiveSessionEvent -SessionId (Get-LiveChannel -Id $sigma.Id).CurrentSessionId -Debug -ErrorAction SilentlyContinue
$all += $sigma | Wait-LiveChannel -State Live -TimeoutSec 1 -Debug -ErrorAction SilentlyContinue
$sigma | Stop-LiveChannel -Confirm:$false
$sigma | Remove-LiveChannel -Debug -Confirm:$false
Disconnect-LiveStream -Name Theta -Debug -Confirm:$false
$connection = Connect-LiveStream -Theta -Credential $thetaCredential -BaseUri $base -PassThru -Debug
"connected=$($connection.Name)"
"prompts=$(@($Error | Where-Object { "$_" -match 'NonInteractive|prompt' }).Count)"
"errors=$(@($Error | Where-Object { $_.FullyQualifiedErrorId -notmatch 'WaitTimeout|NotFound|NoSession' }).Count)"
'@
        $text | Should -Not -Match 'NonInteractive'
        $text | Should -Match 'connected=Theta'
        $text | Should -Match 'prompts=0'
        $text | Should -Match 'errors=0'
    }

    It 'does not prompt when an Inquire preference comes from the caller (as Windows PowerShell passes -Debug on to a function''s commands)' {
        $text = Invoke-DebugScript @'
function Invoke-Show { [CmdletBinding()] param() New-LiveChannel -Name 'inherited' -Connection $sigmaConnection -Confirm:$false }
$DebugPreference = 'Inquire'
$VerbosePreference = 'Inquire'
$records = Invoke-Show 5>&1 4>&1
"objects=$(@($records | Where-Object { $_.GetType().FullName -eq 'LiveStream.Model.LiveChannel' }).Count) debug=$(@($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count -gt 0) errors=$($Error.Count)"
'@
        $text | Should -Match 'objects=1 debug=True errors=0'
        $text | Should -Not -Match 'NonInteractive'
    }

    It 'writes warnings under -Debug without a prompt' {
        $text = Invoke-DebugScript @'
$rule = '{"pathPattern":"^/api/livestream/channels$","method":"POST","kind":"DropAfter","count":1}'
$null = Invoke-RestMethod -Uri "$($base)_emulator/faults" -Method POST -Body $rule -ContentType 'application/json'
$records = New-LiveChannel -Name 'lost answer' -Connection $sigmaConnection -Debug -Confirm:$false 3>&1
$warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
"objects=$(@($records | Where-Object { $_.GetType().FullName -eq 'LiveStream.Model.LiveChannel' }).Count) warnings=$($warnings.Count) errors=$($Error.Count)"
'@
        $text | Should -Match 'objects=1 warnings=1 errors=0'
        $text | Should -Not -Match 'NonInteractive'
    }
}
