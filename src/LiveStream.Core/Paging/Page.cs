using System;
using System.Collections.Generic;

namespace LiveStream.Paging
{
    /// <summary>One page of a vendor list: its items, how many match in all, and where the page sits.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long total, int pageNumber, int perPage)
            : this(items, total, pageNumber, perPage, null, null, null)
        {
        }

        /// <param name="ids">The items' ids as the service sent them, in item order (null when the list has none).</param>
        /// <param name="source">Who answered, e.g. "Sigma", and <paramref name="endpoint"/> the call, for error messages.</param>
        public Page(IReadOnlyList<T> items, long total, int pageNumber, int perPage, IReadOnlyList<string?>? ids,
            string? source, string? endpoint)
        {
            Items = items;
            Total = total;
            PageNumber = pageNumber;
            PerPage = perPage;
            Ids = ids ?? Array.Empty<string?>();
            Source = source;
            Endpoint = endpoint;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>How many items match the query across every page.</summary>
        public long Total { get; }

        /// <summary>The page's number, from 1.</summary>
        public int PageNumber { get; }

        /// <summary>The page size the service applied (it may be smaller than the one asked for).</summary>
        public int PerPage { get; }

        /// <summary>The items' ids as the service sent them (empty when unknown): what tells a page that does not advance.</summary>
        public IReadOnlyList<string?> Ids { get; }

        /// <summary>The vendor that answered (e.g. "Sigma"), when known.</summary>
        public string? Source { get; }

        /// <summary>The list call, e.g. "GET /api/livestream/channels", when known.</summary>
        public string? Endpoint { get; }

        /// <summary>True when no page follows this one.</summary>
        public bool IsLast => Items.Count == 0 || Items.Count < PerPage || (long)PageNumber * PerPage >= Total;
    }
}
