using LiveStream.Http;

namespace LiveStream.Tests;

/// <summary>Masking of secret fields in bodies written to -Debug, including bodies that are not valid JSON.</summary>
public sealed class JsonRedactionTests
{
    [Theory]
    [InlineData("{\"name\":\"a\",\"streamKey\":\"k3y-value\",\"s3\":{\"secretKey\":\"s3-value\"}}")]
    [InlineData("{\"name\":\"a\",\"streamKey\":\"k3y-value\",\"s3\":{\"secretKey\":\"s3-val")]
    [InlineData("{\"data\":[{\"name\":\"a\",\"stream_key\" : \"k3y-value\", \"secretKey\":\"s3-value\\\"quoted\"},{\"id\":")]
    [InlineData("{\"name\":\"a\",\"clientInfo\":{\"action\":\"on_publish\",\"stream\":\"k3y-value\"},\"s3\":{\"secretKey\":\"s3-value\"}}")]
    [InlineData("{\"name\":\"a\",\"clientInfo\":{\"action\":\"on_publish\",\"stream\":\"k3y-val")]
    public void Secret_fields_and_the_publish_callbacks_stream_key_are_masked_in_valid_and_in_cut_short_JSON(string body)
    {
        var redacted = JsonRedaction.Redact(body, text => text);

        Assert.DoesNotContain("k3y-val", redacted);
        Assert.DoesNotContain("s3-va", redacted);
        Assert.DoesNotContain("quoted", redacted);
        Assert.Contains("***", redacted);
        Assert.Contains("\"name\":\"a\"", redacted.Replace(" ", ""));
    }
}
