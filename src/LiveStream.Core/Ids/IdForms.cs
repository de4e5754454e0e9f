using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LiveStream.Ids
{
    /// <summary>
    /// The one table of id kinds: the form each takes, what it is called and how its form is described. Every id check of
    /// the module reads it, so an id is judged and explained the same way everywhere.
    /// </summary>
    public static class IdForms
    {
        private const string SigmaGuid = "a GUID such as 42efeee4-e94e-4444-b0a6-90850413519d";

        private static readonly Regex ThetaStream = new Regex("^stream_[A-Za-z0-9]{25}\\z", RegexOptions.CultureInvariant);
        private static readonly Regex ThetaServiceAccount = new Regex("^srvacc_[A-Za-z0-9]{25}\\z", RegexOptions.CultureInvariant);
        private static readonly Regex ThetaIngestor = new Regex("^0x[0-9A-Fa-f]{40}\\z", RegexOptions.CultureInvariant);

        private static readonly Dictionary<IdKind, IdForm> Table = new Dictionary<IdKind, IdForm>
        {
            [IdKind.SigmaChannel] = new IdForm("Sigma channel id", SigmaGuid, IsGuid),
            [IdKind.SigmaSession] = new IdForm("Sigma session id", SigmaGuid, IsGuid),
            [IdKind.SigmaMachine] = new IdForm("Sigma machine id", SigmaGuid, IsGuid),
            [IdKind.SigmaProfile] = new IdForm("Sigma transcode profile id", SigmaGuid, IsGuid),
            [IdKind.SigmaApp] = new IdForm("Sigma App ID", "a GUID such as 0c787e24-87a3-47da-a131-e8310f35aff7", IsGuid),
            [IdKind.ThetaStream] = new IdForm("Theta stream id", "stream_ followed by 25 letters or digits", ThetaStream.IsMatch),
            [IdKind.ThetaServiceAccount] = new IdForm("Theta service account id", "srvacc_ followed by 25 letters or digits",
                ThetaServiceAccount.IsMatch),
            [IdKind.ThetaIngestor] = new IdForm("Theta Edge Ingestor id", "0x followed by 40 hex digits", ThetaIngestor.IsMatch),
        };

        /// <summary>True when <paramref name="value"/> has the form of a <paramref name="kind"/> id.</summary>
        public static bool Matches(IdKind kind, string? value) => value != null && Table[kind].Matches(value);

        /// <summary>What a <paramref name="kind"/> id is called, e.g. "Theta stream id".</summary>
        public static string Noun(IdKind kind) => Table[kind].Noun;

        /// <summary>How a <paramref name="kind"/> id looks, e.g. "stream_ followed by 25 letters or digits".</summary>
        public static string Form(IdKind kind) => Table[kind].Form;

        /// <summary>"'x' is not a Theta stream id (stream_ followed by 25 letters or digits)."</summary>
        public static string NotAnId(IdKind kind, string? value) =>
            $"'{value}' is not a {Noun(kind)} ({Form(kind)}).";

        // Guid parsing forgives surrounding white space; an id in a URL path must not carry any.
        private static bool IsGuid(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

        private sealed class IdForm
        {
            public IdForm(string noun, string form, Func<string, bool> matches)
            {
                Noun = noun;
                Form = form;
                Matches = matches;
            }

            public string Noun { get; }

            public string Form { get; }

            public Func<string, bool> Matches { get; }
        }
    }
}
