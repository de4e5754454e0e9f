using LiveStream.Ids;

namespace LiveStream.Commands
{
    /// <summary>Where to find a good id of each kind: the second sentence of every InvalidId message.</summary>
    internal static class IdAdvice
    {
        public static string For(IdKind kind) => kind switch
        {
            IdKind.SigmaChannel => "Get-LiveChannel lists the channels with their ids; Get-LiveChannel -Name finds one by name.",
            IdKind.SigmaSession => "Get-LiveSession -ChannelId <channel id> lists a channel's sessions.",
            IdKind.SigmaMachine => "Machine ids are in the Sigma console: machines.",
            IdKind.SigmaProfile => "Profile ids are in the Sigma console: transcode profiles.",
            IdKind.SigmaApp => "The App ID is in the Sigma console: App management, General tab.",
            IdKind.ThetaStream => "Get-LiveChannel lists the streams of a connection, and Get-LiveChannel -Name finds one by name.",
            IdKind.ThetaServiceAccount => "Give the service account id as the credential's user name and its secret as the password.",
            IdKind.ThetaIngestor => "Get-EdgeIngestor lists the Edge Ingestors with their ids.",
            _ => "Check the id.",
        };
    }
}
