using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace LiveStream.Http
{
    /// <summary>
    /// Replaces secrets in a text with "***", in every form a vendor may quote them back: as they are, URL-encoded (either
    /// hex case, %20 or +), base64 of their UTF-8 bytes, and JSON-escaped.
    /// </summary>
    internal static class SecretMask
    {
        /// <summary>Shorter secrets are not masked: masking "ab" would garble ordinary text and protect nothing.</summary>
        public const int MinimumLength = 4;

        public static string Apply(string text, IEnumerable<string?> secrets)
        {
            foreach (var form in secrets.Where(secret => secret != null && secret.Length >= MinimumLength)
                         .SelectMany(secret => FormsOf(secret!))
                         .Distinct(StringComparer.Ordinal)
                         .OrderByDescending(form => form.Length))
            {
                text = form.IndexOf('%') >= 0
                    ? Regex.Replace(text, Regex.Escape(form), "***", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                    : text.Replace(form, "***");
            }

            return text;
        }

        private static IEnumerable<string> FormsOf(string secret)
        {
            yield return secret;
            yield return Uri.EscapeDataString(secret);
            yield return WebUtility.UrlEncode(secret);
            yield return JavaScriptEncoder.Default.Encode(secret);
            yield return JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret);
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
            yield return base64;
            yield return base64.TrimEnd('=');
            yield return Uri.EscapeDataString(base64);
        }
    }
}
