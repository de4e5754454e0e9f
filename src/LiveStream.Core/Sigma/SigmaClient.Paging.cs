using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveStream.Http;
using LiveStream.Model;

namespace LiveStream.Sigma
{
    public sealed partial class SigmaClient
    {
        /// <summary>The largest page Sigma serves; list cmdlets ask for pages of this size.</summary>
        public const int MaxPerPage = 100;

        /// <summary>One page of a Sigma list endpoint: {data, total, count, page, perPage}.</summary>
        private Task<Page<T>> ListPageAsync<T>(string path, SigmaListQuery query, int page, int perPage,
            Func<JsonElement, T> map, CancellationToken cancellationToken) =>
            CallAsync(
                ApiRequest.Create(HttpMethod.Get, path)
                    .WithQuery("q", query.Filter)
                    .WithQuery("sort", query.Sort)
                    .WithQuery("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .WithQuery("perPage", perPage.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                body =>
                {
                    var envelope = JsonFields.RequireObject(body, "the answer");
                    var items = JsonFields.Items(envelope, "data").Select(map).ToList();
                    var total = JsonFields.Int64(envelope, "total") ?? items.Count;
                    var servedPage = (int)(JsonFields.Int64(envelope, "page") ?? page);
                    var servedPerPage = (int)(JsonFields.Int64(envelope, "perPage") ?? perPage);
                    return new Page<T>(items, total, servedPage, servedPerPage);
                },
                cancellationToken);
    }
}
