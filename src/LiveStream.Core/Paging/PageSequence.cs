using System;
using System.Collections.Generic;
using LiveStream.Http;

namespace LiveStream.Paging
{
    /// <summary>
    /// Checks the pages of one listing as they arrive, so that a service whose paging does not advance (it ignores
    /// <c>page</c>, or reports a total it never reaches) ends the listing instead of repeating it forever. A page is
    /// refused (LiveStream.InvalidResponse naming the endpoint) when it is not the page asked for, when it holds items
    /// beyond the total it reports, or when every item on it was listed already. Items listed already on a page that
    /// also brings new ones (a list that moved while it was read) are dropped, so nothing is written twice. Only the ids
    /// of the last <see cref="PagesRemembered"/> pages are kept: a list that shifts while it is read repeats items of the
    /// pages next to the one asked for, and a service that answers the same page again repeats the one before, so
    /// memory stays that of a page or two however long the listing runs.
    /// </summary>
    public sealed class PageSequence<T>
    {
        /// <summary>How many pages back ids are remembered.</summary>
        public const int PagesRemembered = 2;

        private readonly Queue<HashSet<string>> _recentPages = new Queue<HashSet<string>>(PagesRemembered + 1);

        /// <summary>The items of <paramref name="page"/> (asked for as number <paramref name="asked"/>) not listed before.</summary>
        public IReadOnlyList<T> Accept(Page<T> page, int asked)
        {
            if (page.Items.Count == 0)
            {
                return page.Items;
            }

            if (page.PageNumber != asked)
            {
                throw Refused(page, $"answered page {page.PageNumber} when page {asked} was asked for");
            }

            var before = (long)(asked - 1) * page.PerPage;
            if (before + page.Items.Count > page.Total)
            {
                throw Refused(page, $"answered page {asked} with {page.Items.Count} items of {page.PerPage} per page, " +
                    $"more than its total of {page.Total} allows");
            }

            if (page.Ids.Count != page.Items.Count)
            {
                return page.Items;
            }

            var fresh = new List<T>(page.Items.Count);
            var onThisPage = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < page.Items.Count; i++)
            {
                var id = page.Ids[i];
                if (id == null || (!ListedRecently(id) && onThisPage.Add(id)))
                {
                    fresh.Add(page.Items[i]);
                }
            }

            _recentPages.Enqueue(onThisPage);
            if (_recentPages.Count > PagesRemembered)
            {
                _recentPages.Dequeue();
            }

            if (fresh.Count == 0)
            {
                throw Refused(page, $"answered page {asked} with only items it had listed already (total {page.Total})");
            }

            return fresh;
        }

        private bool ListedRecently(string id)
        {
            foreach (var ids in _recentPages)
            {
                if (ids.Contains(id))
                {
                    return true;
                }
            }

            return false;
        }

        private static LiveStreamApiException Refused(Page<T> page, string what)
        {
            var endpoint = page.Endpoint ?? "the list call";
            return new LiveStreamApiException(ApiErrorKind.InvalidResponse, endpoint, 200, null,
                $"{page.Source ?? "The service"} {endpoint} {what}: its paging does not advance, so the listing stopped " +
                "there (the items before were written, each once).");
        }
    }
}
