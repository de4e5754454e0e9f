using System.Text.Json;
using LiveStream.Http;

namespace LiveStream.Tests.Http;

/// <summary>Reading whole numbers from vendor JSON: exact, never through a double.</summary>
public sealed class JsonFieldsTests
{
    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Int64_reads_2_to_the_53_plus_1_exactly()
    {
        Assert.Equal(9_007_199_254_740_993L, JsonFields.Int64(Parse("""{"total":9007199254740993}"""), "total"));
    }

    [Fact]
    public void Int64_reads_the_largest_long_exactly()
    {
        Assert.Equal(long.MaxValue, JsonFields.Int64(Parse("""{"total":9223372036854775807}"""), "total"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e300")]
    [InlineData("9223372036854775808")]
    public void Int64_refuses_a_number_that_is_not_a_whole_long(string number)
    {
        var refused = Assert.Throws<JsonShapeException>(() => JsonFields.Int64(Parse($$"""{"total":{{number}}}"""), "total"));

        Assert.Equal("field 'total' is not a whole number", refused.Message);
    }

    [Fact]
    public void Int64_still_reads_a_whole_number_sent_as_text_and_null_as_null()
    {
        Assert.Equal(42L, JsonFields.Int64(Parse("""{"total":"42"}"""), "total"));
        Assert.Null(JsonFields.Int64(Parse("""{"total":null}"""), "total"));
        Assert.Throws<JsonShapeException>(() => JsonFields.Int64(Parse("""{"total":"1.5"}"""), "total"));
    }
}
