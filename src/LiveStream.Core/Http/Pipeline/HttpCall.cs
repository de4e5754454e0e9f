using System;
using System.Net.Http;

namespace LiveStream.Http
{
    /// <summary>
    /// One call on its way through the handlers (carried in the request's properties): what was asked, where to
    /// report, how to mask secrets, and what the retry handler learnt that the final error must say.
    /// </summary>
    internal sealed class HttpCall
    {
        private static readonly string Key = typeof(HttpCall).FullName!;
        private readonly Func<string, string> _redactConnection;

        public HttpCall(ApiRequest request, IApiTrace? trace, string vendorName, string authority,
            Func<string, string> redactConnection, TimeSpan timeout)
        {
            Request = request;
            Trace = trace;
            VendorName = vendorName;
            Authority = authority;
            _redactConnection = redactConnection;
            AttemptLimit = timeout;
        }

        public ApiRequest Request { get; }

        public IApiTrace? Trace { get; }

        public string VendorName { get; }

        /// <summary>Scheme, host and port called, e.g. "https://api.example.com": what transport failures name.</summary>
        public string Authority { get; }

        /// <summary>Makes a fresh message for this call (a retry's), as the first was made.</summary>
        public Func<HttpRequestMessage> NewMessage { get; set; } =
            () => throw new InvalidOperationException("The call has no way to make another message.");

        /// <summary>The request body as sent (null when there is none), for the debug trace.</summary>
        public string? BodyJson { get; set; }

        /// <summary>The time the current attempt has: the connection's timeout, or what is left of the budget.</summary>
        public TimeSpan AttemptLimit { get; set; }

        /// <summary>The retry budget, when it cut <see cref="AttemptLimit"/> below the connection's timeout.</summary>
        public TimeSpan? CutByBudget { get; set; }

        /// <summary>Set once an attempt that may have acted was repeated: every later failure is marked so.</summary>
        public bool EarlierAttemptMayHaveActed { get; set; }

        /// <summary>How long the current attempt had, as failures say it.</summary>
        public string Within => $"{AttemptLimit.TotalSeconds:0.#} s" +
            (CutByBudget is { } budget ? $" (what was left of the {budget.TotalSeconds:0.#} s retry budget)" : string.Empty);

        /// <summary>Masks the connection's secrets and those the request carries, in every form.</summary>
        public string Redact(string text) =>
            Request.Secrets.Count == 0 ? _redactConnection(text) : SecretMask.Apply(_redactConnection(text), Request.Secrets);

        public void AttachTo(HttpRequestMessage message) => message.Properties[Key] = this;

        public static HttpCall Of(HttpRequestMessage message) =>
            message.Properties.TryGetValue(Key, out var value) && value is HttpCall call
                ? call
                : throw new InvalidOperationException("The request was not sent through VendorHttpClient.");
    }
}
