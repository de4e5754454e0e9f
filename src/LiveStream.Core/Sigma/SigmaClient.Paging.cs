using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;
using LiveStream.Paging;

namespace LiveStream.Sigma
{
    public sealed partial class SigmaClient
    {
        /// <summary>The largest page the module asks for (the size the Sigma document's own samples use).</summary>
        public const int MaxPerPage = 100;

        /// <summary>
        /// One page of a Sigma list endpoint: q (a JSON filter, see <see cref="SigmaListQuery"/>), sort ("field|asc" or
        /// "field|desc"), page (from 1) and perPage, answered as {data, total, count, page, perPage}.
        /// </summary>
        private Task<Page<T>> ListPageAsync<T>(string route, string? q, string? sort, int page, int perPage,
            Func<JsonElement, T> readItem, CancellationToken cancellationToken)
        {
            if (page < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(page), page, "Pages are numbered from 1.");
            }

            if (perPage < 1 || perPage > MaxPerPage)
            {
                throw new ArgumentOutOfRangeException(nameof(perPage), perPage, $"A page holds 1 to {MaxPerPage} items.");
            }

            var request = ApiRequest.Create(HttpMethod.Get, route)
                .WithQuery("q", q)
                .WithQuery("sort", sort)
                .WithQuery("page", page.ToString(CultureInfo.InvariantCulture))
                .WithQuery("perPage", perPage.ToString(CultureInfo.InvariantCulture));
            return CallAsync(request, body =>
            {
                JsonFields.RequireObject(body, "the answer");
                var data = JsonFields.Items(body, "data").ToList();
                var items = data.Select(readItem).ToList();
                var ids = data.Select(item => item.ValueKind == JsonValueKind.Object ? JsonFields.String(item, "id") : null).ToList();
                var total = JsonFields.Int64(body, "total") ?? throw new JsonShapeException("field 'total' is missing");
                var pageNumber = JsonFields.Int64(body, "page") ?? page;
                var pageSize = JsonFields.Int64(body, "perPage") ?? perPage;
                return new Page<T>(items, total, (int)Math.Min(int.MaxValue, Math.Max(0, pageNumber)),
                    (int)Math.Min(int.MaxValue, Math.Max(1, pageSize)), ids, Http.VendorName, request.Endpoint);
            }, cancellationToken);
        }
    }
}
