using LiveStream.Http;
using LiveStream.Paging;

namespace LiveStream.Tests.Paging;

/// <summary>
/// The page checks on their own: a list that shifts while it is read repeats items of the page next to the one asked
/// for, and those are dropped; a page of nothing but items just listed ends the listing; a listing of many pages keeps
/// only the ids of the last pages (what keeps its memory flat).
/// </summary>
public sealed class PageSequenceTests
{
    private static Page<string> PageOf(int number, int perPage, long total, params string[] ids) =>
        new(ids, total, number, perPage, ids, "Sigma", "GET /api/livestream/events");

    [Fact]
    public void Items_repeated_from_the_page_before_or_the_one_before_that_are_dropped()
    {
        var sequence = new PageSequence<string>();

        Assert.Equal(["a", "b", "c"], sequence.Accept(PageOf(1, 3, 12, "a", "b", "c"), 1));
        Assert.Equal(["d", "e"], sequence.Accept(PageOf(2, 3, 12, "c", "d", "e"), 2));
        Assert.Equal(["f"], sequence.Accept(PageOf(3, 3, 12, "b", "e", "f"), 3));
    }

    [Fact]
    public void A_page_that_repeats_the_one_before_ends_the_listing_naming_the_endpoint()
    {
        var sequence = new PageSequence<string>();
        sequence.Accept(PageOf(1, 2, 1000, "a", "b"), 1);

        var refused = Assert.Throws<LiveStreamApiException>(() => sequence.Accept(PageOf(2, 2, 1000, "a", "b"), 2));

        Assert.Equal(ApiErrorKind.InvalidResponse, refused.Kind);
        Assert.Contains("GET /api/livestream/events", refused.Message);
    }

    [Fact]
    public void Ids_of_pages_long_past_are_not_kept()
    {
        var sequence = new PageSequence<string>();
        for (var number = 1; number <= 1000; number++)
        {
            sequence.Accept(PageOf(number, 1, 2000, $"id-{number}"), number);
        }

        // Page 1's item, listed 999 pages ago, is no longer remembered: only the last pages' ids are.
        Assert.Equal(["id-1"], sequence.Accept(PageOf(1001, 1, 2000, "id-1"), 1001));
        Assert.Throws<LiveStreamApiException>(() => sequence.Accept(PageOf(1002, 1, 2000, "id-1000"), 1002));
    }
}
