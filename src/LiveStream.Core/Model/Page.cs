using System.Collections.Generic;

namespace LiveStream.Model
{
    /// <summary>One page of a vendor list: its items, how many match in all, and where the page sits.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long total, int pageNumber, int perPage)
        {
            Items = items;
            Total = total;
            PageNumber = pageNumber;
            PerPage = perPage;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>How many items match the query across every page.</summary>
        public long Total { get; }

        /// <summary>The page's number, from 1.</summary>
        public int PageNumber { get; }

        /// <summary>The page size the service applied (it may be smaller than the one asked for).</summary>
        public int PerPage { get; }

        /// <summary>True when no page follows this one.</summary>
        public bool IsLast => Items.Count == 0 || Items.Count < PerPage || (long)PageNumber * PerPage >= Total;
    }
}
