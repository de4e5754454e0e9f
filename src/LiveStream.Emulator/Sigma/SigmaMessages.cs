namespace LiveStream.Emulator.Sigma;

/// <summary>The Vietnamese event messages Sigma writes (UTF-8 end to end).</summary>
public static class SigmaMessages
{
    public const string Initialize = "Khởi tạo phiên phát trực tiếp";
    public const string Start = "Bắt đầu nhận tín hiệu";
    public const string Stable = "Kênh ổn định";
    public const string Interrupted = "Tín hiệu bị gián đoạn";
    public const string Restored = "Tín hiệu đã phục hồi";
    public const string Ended = "Kênh đã kết thúc";
}
