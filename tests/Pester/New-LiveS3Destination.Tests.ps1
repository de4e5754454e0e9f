# New-LiveS3Destination builds the -CatchupS3 object of New-LiveChannel in memory: a bucket name and an endpoint that
# S3 could never accept stop it with a clear error; the secret key stays a SecureString.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Initialize-LiveStreamTest

    function New-TestDestination {
        param([string] $Bucket = 'vod-catchup', [string] $Endpoint = 'https://s3.ap-southeast-1.amazonaws.com')
        New-LiveS3Destination -Bucket $Bucket -Endpoint $Endpoint -Region 'ap-southeast-1' -AccessKey 'AKIAEXAMPLE' `
            -SecretKey (ConvertTo-SecureString 's3-test-secret' -AsPlainText -Force)
    }
}

Describe 'New-LiveS3Destination' {
    It 'builds the destination from keys or from a credential' {
        $fromKeys = New-TestDestination
        $credential = [pscredential]::new('AKIAEXAMPLE', (ConvertTo-SecureString 's3-test-secret' -AsPlainText -Force))
        $fromCredential = New-LiveS3Destination -Bucket 'vod.catchup-2' -Endpoint 'http://127.0.0.1:9000' -Region 'hn' -Credential $credential

        $fromKeys.Bucket | Should -Be 'vod-catchup'
        $fromKeys.Endpoint | Should -Be 'https://s3.ap-southeast-1.amazonaws.com'
        $fromCredential.AccessKey | Should -Be 'AKIAEXAMPLE'
        $fromCredential.Bucket | Should -Be 'vod.catchup-2'
        [System.Net.NetworkCredential]::new('', $fromCredential.SecretKey).Password | Should -Be 's3-test-secret'
    }

    It 'refuses the bucket name <Bucket> (<Why>) with LiveStream.InvalidArgument' -ForEach @(
        @{ Bucket = 'Bad_Bucket!'; Why = 'capital' }
        @{ Bucket = 'my_bucket'; Why = "'_'" }
        @{ Bucket = 'ab'; Why = '2 characters' }
        @{ Bucket = ('a' * 64); Why = '64 characters' }
        @{ Bucket = '-vod'; Why = 'begins or ends' }
        @{ Bucket = 'vod..catchup'; Why = 'two dots' }
        @{ Bucket = '192.168.5.4'; Why = 'IP address' }
        @{ Bucket = 'xn--vod'; Why = 'reserves' }
    ) {
        { New-TestDestination -Bucket $Bucket } | Should -Throw -ErrorId 'LiveStream.InvalidArgument,LiveStream.Commands.NewLiveS3DestinationCommand'
        try { New-TestDestination -Bucket $Bucket } catch { $record = $_ }

        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be $Bucket
        $record.Exception.Message | Should -BeLike "'$Bucket' is not an S3 bucket name: *$Why*"
        $record.Exception.Message | Should -Match '3 to 63 lowercase letters'
    }

    It 'refuses the endpoint <Endpoint> with LiveStream.InvalidArgument' -ForEach @(
        @{ Endpoint = 'not a url' }
        @{ Endpoint = 's3.amazonaws.com' }
        @{ Endpoint = 'ftp://s3.example.com' }
        @{ Endpoint = '/relative/path' }
    ) {
        try { New-TestDestination -Endpoint $Endpoint } catch { $record = $_ }

        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -Be 'LiveStream.InvalidArgument,LiveStream.Commands.NewLiveS3DestinationCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be $Endpoint
        $record.Exception.Message | Should -BeLike "'$Endpoint' is not an S3 endpoint: give the absolute http or https address*"
    }

    It 'keeps the secret key out of its display and its string' {
        $destination = New-TestDestination

        ($destination | Format-List * | Out-String) + ($destination | Out-String) + "$destination" | Should -Not -Match 's3-test-secret'
    }
}
