using System;
using System.Net;
using System.Security;

namespace LiveStream.Http
{
    /// <summary>The only place a SecureString secret becomes a plain string, and only for the moment it is needed.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (var character in plain)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Masks <paramref name="secrets"/> in every form a vendor may quote them (see <see cref="SecretMask"/>).</summary>
        public static string Scrub(string text, params string[] secrets) => SecretMask.Apply(text, secrets);

        public static string Base64Utf8(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
