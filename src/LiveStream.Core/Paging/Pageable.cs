using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;

namespace LiveStream.Paging
{
    /// <summary>
    /// A vendor list read page by page, only as far as the caller reads: a page is asked for when the caller wants it,
    /// after the one before it has been used. Every page passes a <see cref="PageSequence{T}"/>, so a service whose
    /// paging does not advance ends the listing with InvalidResponse instead of repeating or skipping items silently.
    /// </summary>
    public sealed class Pageable<T>
    {
        private readonly Func<int, int, CancellationToken, Task<Page<T>>> _fetch;

        /// <param name="pageSize">The page size asked for.</param>
        /// <param name="fetch">Reads page number (from 1) of the given size.</param>
        public Pageable(int pageSize, Func<int, int, CancellationToken, Task<Page<T>>> fetch)
        {
            PageSize = pageSize;
            _fetch = fetch;
        }

        /// <summary>A list the service answers whole: one page holding every item.</summary>
        public static Pageable<T> Whole(Func<CancellationToken, Task<IReadOnlyList<T>>> read) =>
            new Pageable<T>(int.MaxValue, async (page, perPage, token) =>
            {
                var items = page == 1 ? await read(token).ConfigureAwait(false) : Array.Empty<T>();
                return new Page<T>(items, items.Count, page, perPage);
            });

        public int PageSize { get; }

        /// <summary>
        /// A reader of the pages from the one that holds item number <paramref name="skipItems"/> (from 0) on; the first
        /// page's items before it are left in, so the caller skips <c>skipItems % PageSize</c> of them.
        /// </summary>
        public Reader Read(ulong skipItems = 0) =>
            new Reader(this, 1 + (int)Math.Min(skipItems / (ulong)PageSize, int.MaxValue - 1UL));

        /// <summary>Every item, page by page.</summary>
        public async Task<IReadOnlyList<T>> ToListAsync(CancellationToken cancellationToken)
        {
            var items = new List<T>();
            var reader = Read();
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                items.AddRange(page.Items);
            }

            return items;
        }

        /// <summary>Reads one page at a time; null once the list has ended.</summary>
        public sealed class Reader
        {
            private readonly Pageable<T> _pages;
            private readonly PageSequence<T> _sequence = new PageSequence<T>();
            private int _next;
            private bool _ended;

            internal Reader(Pageable<T> pages, int firstPage)
            {
                _pages = pages;
                _next = firstPage;
            }

            public async Task<ListedPage<T>?> NextAsync(CancellationToken cancellationToken)
            {
                if (_ended)
                {
                    return null;
                }

                var number = _next++;
                var page = await _pages._fetch(number, _pages.PageSize, cancellationToken).ConfigureAwait(false);
                _ended = page.IsLast;
                return new ListedPage<T>(_sequence.Accept(page, number), page.Total, page.IsLast);
            }
        }
    }
}
