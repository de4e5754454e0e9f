using System.Collections.Generic;

namespace LiveStream.Model
{
    /// <summary>One page of a vendor list: its items and what the vendor said about the whole list.</summary>
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

        public long Total { get; }

        public int PageNumber { get; }

        public int PerPage { get; }

        /// <summary>True when a later page may hold more items.</summary>
        public bool HasMore => Items.Count > 0 && (long)PageNumber * PerPage < Total;
    }
}
