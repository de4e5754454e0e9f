using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Model;

namespace LiveStream.Commands
{
    /// <summary>
    /// Streams a vendor list into the pipeline: each page's objects are written before the page after it is awaited
    /// (which is fetched while they are written), so at most two pages are held whatever the total. -Skip, -First and
    /// -IncludeTotalCount of a SupportsPaging cmdlet stop the paging as early as they can.
    /// </summary>
    internal static class PagedListing
    {
        public delegate Task<Page<T>> PageFetcher<T>(int pageNumber, int perPage, CancellationToken cancellationToken);

        /// <param name="keep">A filter the server cannot apply; with one, skipping happens here, not by page number.</param>
        public static void Write<T>(LiveStreamCmdlet cmdlet, PagingParameters? paging, int maxPerPage,
            PageFetcher<T> fetch, Func<T, bool>? keep = null)
        {
            var skip = paging?.Skip ?? 0;
            var remaining = paging?.First ?? ulong.MaxValue;
            if (remaining == 0)
            {
                return;
            }

            var perPage = maxPerPage;
            var pageNumber = 1;
            if (keep == null)
            {
                var wanted = skip + remaining;
                if (wanted < (ulong)maxPerPage)
                {
                    perPage = (int)wanted;
                }

                pageNumber = (int)(skip / (ulong)perPage) + 1;
                skip -= (ulong)(pageNumber - 1) * (ulong)perPage;
            }

            var pending = fetch(pageNumber, perPage, cmdlet.StopToken);
            var totalWritten = paging == null || !paging.IncludeTotalCount;
            while (pending != null)
            {
                var page = cmdlet.Await(pending);
                if (!totalWritten)
                {
                    cmdlet.WriteObject(paging!.NewTotalCount((ulong)Math.Max(0, page.Total), 1.0));
                    totalWritten = true;
                }

                var lastNeeded = keep == null && skip + remaining <= (ulong)page.Items.Count;
                pending = page.HasMore && !lastNeeded
                    ? fetch(page.PageNumber + 1, perPage, cmdlet.StopToken)
                    : null;

                foreach (var item in page.Items)
                {
                    if (keep != null && !keep(item))
                    {
                        continue;
                    }

                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    cmdlet.WriteObject(item);
                    if (--remaining == 0)
                    {
                        Abandon(pending);
                        return;
                    }
                }
            }
        }

        private static void Abandon<T>(Task<T>? prefetched) =>
            prefetched?.ContinueWith(task => task.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
