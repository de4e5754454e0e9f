using System.Collections.Generic;

namespace LiveStream.Paging
{
    /// <summary>One page of a <see cref="Pageable{T}"/> as read: the items not listed before, the total the service reports, and whether a page follows.</summary>
    public sealed class ListedPage<T>
    {
        public ListedPage(IReadOnlyList<T> items, long total, bool isLast)
        {
            Items = items;
            Total = total;
            IsLast = isLast;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>How many items match the query across every page, as the service says.</summary>
        public long Total { get; }

        public bool IsLast { get; }
    }
}
