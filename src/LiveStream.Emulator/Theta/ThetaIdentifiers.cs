using System.Security.Cryptography;

namespace LiveStream.Emulator.Theta;

/// <summary>Ids and keys of the vendor's documented forms: stream_ + 25 characters, 32-character stream keys.</summary>
public static class ThetaIdentifiers
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewStreamId() => "stream_" + RandomNumberGenerator.GetString(LowerAlphanumeric, 25);

    public static string NewStreamKey() => RandomNumberGenerator.GetString(Alphanumeric, 32);

    public static string StreamServer(string ip) => $"rtmp://{ip}:1935/live";
}
