using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveStream.Http
{
    /// <summary>
    /// One vendor call. Path segments and query values are escaped here, so a value such as "../x?y" stays a value and
    /// can never change which endpoint is called.
    /// </summary>
    public sealed class ApiRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();
        private readonly List<string> _secrets = new List<string>();

        private ApiRequest(HttpMethod method, string routeTemplate, string path)
        {
            Method = method;
            RouteTemplate = routeTemplate;
            Path = path;
        }

        public HttpMethod Method { get; }

        /// <summary>The path with placeholders, e.g. "/stream/{id}": what logs and errors name.</summary>
        public string RouteTemplate { get; }

        /// <summary>The escaped path, e.g. "/stream/stream_abc".</summary>
        public string Path { get; }

        public JsonNode? Body { get; private set; }

        /// <summary>False for calls that create something: they are never sent twice on their own.</summary>
        public bool IsIdempotent { get; private set; }

        public string Endpoint => Method.Method + " " + RouteTemplate;

        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        /// <summary>Secrets this call carries beyond the connection's own (an S3 secret key in a create body), masked in every text.</summary>
        public IReadOnlyList<string> Secrets => _secrets;

        /// <summary>
        /// True for a change whose status says all (start, stop, delete): a 2xx answer is success whatever its body, which
        /// is then not read as JSON.
        /// </summary>
        public bool StatusIsTheAnswer { get; private set; }

        /// <summary>Builds a request from a template such as "/api/livestream/channels/{0}/start" and its values.</summary>
        public static ApiRequest Create(HttpMethod method, string template, params string[] segments)
        {
            var display = template;
            var path = template;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i] ?? throw new ArgumentNullException(nameof(segments));
                path = path.Replace("{" + i + "}", Uri.EscapeDataString(segment));
                display = display.Replace("{" + i + "}", "{id}");
            }

            var isIdempotent = method != HttpMethod.Post;
            return new ApiRequest(method, display, path) { IsIdempotent = isIdempotent };
        }

        public ApiRequest WithQuery(string name, string? value)
        {
            if (value != null)
            {
                _query.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public ApiRequest WithBody(JsonNode body)
        {
            Body = body;
            return this;
        }

        /// <summary>Marks <paramref name="secret"/> as carried by this call (in its body), so that no text shows it.</summary>
        public ApiRequest WithSecret(string? secret)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                _secrets.Add(secret!);
            }

            return this;
        }

        /// <summary>See <see cref="StatusIsTheAnswer"/>.</summary>
        public ApiRequest WithStatusAsAnswer()
        {
            StatusIsTheAnswer = true;
            return this;
        }

        public string PathAndQuery
        {
            get
            {
                if (_query.Count == 0)
                {
                    return Path;
                }

                var builder = new StringBuilder(Path).Append('?');
                builder.Append(string.Join("&", _query.Select(pair =>
                    Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value))));
                return builder.ToString();
            }
        }
    }
}
