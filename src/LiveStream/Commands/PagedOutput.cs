using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LiveStream.Http;
using System.Threading.Tasks;
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
        /// Writes the items that <paramref name="keep"/> accepts (all when null) from <paramref name="pages"/>, honouring
        /// -First, -Skip and -IncludeTotalCount. Without a filter, -Skip starts at the page that holds the first wanted
        /// item and -IncludeTotalCount writes the service's total first; with a filter, -IncludeTotalCount reads every
        /// page and writes the number of matches last (first for a list the service answers whole). Returns whether the list was read to its end and how many items
        /// matched (skipped ones included).
        /// </summary>
        public static (bool ReadToEnd, ulong Matched) Write<T>(LiveStreamCmdlet cmdlet, Pageable<T> pages,
            Func<T, bool>? keep = null)
        {
            var paging = cmdlet.PagingParameters;
            var first = paging.First;
            var skip = paging.Skip;
            var countMatches = keep != null && paging.IncludeTotalCount;
            if (first == 0 && !paging.IncludeTotalCount)
            {
                return (false, 0);
            }

            var skipPages = keep == null ? skip : 0;
            skip -= keep == null && pages.PageSize != int.MaxValue ? skip / (ulong)pages.PageSize * (ulong)pages.PageSize : 0;
            ulong written = 0;
            ulong matched = 0;
            var firstPage = true;
            var reader = pages.Read(skipPages);
            while (cmdlet.Await(reader.NextAsync(cmdlet.StopToken)) is { } page)
            {
                if (firstPage && keep == null && paging.IncludeTotalCount)
                {
                    cmdlet.WriteObject(paging.NewTotalCount((ulong)Math.Max(0, page.Total), 1.0));
                }
                else if (firstPage && countMatches && pages.PageSize == int.MaxValue)
                {
                    // A list answered whole is in memory already: its matches are counted first, as a total is.
                    cmdlet.WriteObject(paging.NewTotalCount((ulong)page.Items.Count(keep!), 1.0));
                    countMatches = false;
                }

                firstPage = false;
                foreach (var item in page.Items)
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

                if (written >= first && !countMatches && !page.IsLast)
                {
                    return (false, matched);
                }
            }

            if (countMatches)
            {
                cmdlet.WriteObject(paging.NewTotalCount(matched, 1.0));
            }

            return (true, matched);
        }
    }
}
