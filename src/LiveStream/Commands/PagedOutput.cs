using System;
using System.Collections.Generic;
using System.Management.Automation;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Commands
{
    /// <summary>
    /// Streams a vendor list page by page with SupportsPaging: each page's objects are written before the next page is
    /// asked for, and -First/-Skip stop the paging as soon as they are satisfied. Every page passes a
    /// <see cref="PageSequence{T}"/>, so a service whose paging does not advance ends the listing with InvalidResponse.
    /// </summary>
    internal static class PagedOutput
    {
        /// <summary>
        /// <see cref="Write{T}"/> for a list the service answers whole (no paging): <paramref name="read"/> is called
        /// once, as the only page.
        /// </summary>
        public static (bool ReadToEnd, ulong Matched) WriteWhole<T>(PSCmdlet cmdlet, Func<IReadOnlyList<T>> read,
            Func<T, bool>? keep = null) =>
            Write(cmdlet, int.MaxValue, (page, perPage) =>
                {
                    var items = page == 1 ? read() : Array.Empty<T>();
                    return new Page<T>(items, items.Count, page, perPage);
                },
                keep);

        /// <summary>
        /// Writes the items that <paramref name="keep"/> accepts (all when null) from the pages <paramref name="fetch"/>
        /// returns for a page number and size. Without a filter, -Skip starts at the page that holds the first wanted
        /// item and -IncludeTotalCount writes the service's total first; with a filter, -IncludeTotalCount reads every
        /// page and writes the number of matches last. Returns whether the list was read to its end and how many items
        /// matched (skipped ones included).
        /// </summary>
        public static (bool ReadToEnd, ulong Matched) Write<T>(PSCmdlet cmdlet, int perPage, Func<int, int, Page<T>> fetch, Func<T, bool>? keep = null)
        {
            var paging = cmdlet.PagingParameters;
            var first = paging.First;
            var skip = paging.Skip;
            var countMatches = keep != null && paging.IncludeTotalCount;
            if (first == 0 && !paging.IncludeTotalCount)
            {
                return (false, 0);
            }

            var startPage = 1;
            if (keep == null)
            {
                var pagesToSkip = Math.Min(skip / (ulong)perPage, int.MaxValue - 1UL);
                startPage += (int)pagesToSkip;
                skip -= pagesToSkip * (ulong)perPage;
            }

            ulong written = 0;
            ulong matched = 0;
            var sequence = new PageSequence<T>();
            for (var page = startPage; ; page++)
            {
                var result = fetch(page, perPage);
                if (page == startPage && keep == null && paging.IncludeTotalCount)
                {
                    cmdlet.WriteObject(paging.NewTotalCount((ulong)Math.Max(0, result.Total), 1.0));
                }

                foreach (var item in sequence.Accept(result, page))
                {
                    if (keep != null && !keep(item))
                    {
                        continue;
                    }

                    matched++;
                    if (skip > 0)
                    {
                        skip--;
                    }
                    else if (written < first)
                    {
                        cmdlet.WriteObject(item);
                        written++;
                    }
                }

                if (result.IsLast)
                {
                    if (countMatches)
                    {
                        cmdlet.WriteObject(paging.NewTotalCount(matched, 1.0));
                    }

                    return (true, matched);
                }

                if (written >= first && !countMatches)
                {
                    return (false, matched);
                }
            }
        }
    }
}
