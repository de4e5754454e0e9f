using System;
using System.Linq;
using LiveStream.Ids;

namespace LiveStream.Sigma
{
    /// <summary>
    /// The transcode profiles the Sigma document names: 1080p, 720p and 480p, in that order. Profiles are per-app
    /// resources in the Sigma console, so any other profile id is accepted as it is.
    /// </summary>
    public static class SigmaProfiles
    {
        private static readonly (string Name, string Id)[] Documented =
        {
            ("1080p", "fbffbd08-ed7f-4a51-aabd-3132ac863bb5"),
            ("720p", "54a3d4db-a827-45ae-b6be-1faa21c2e7c6"),
            ("480p", "33a26869-0a1b-49a4-8303-1284ac8fd034"),
        };

        /// <summary>The documented profile names, highest first: what -Profile completes to.</summary>
        public static string[] Names => Documented.Select(profile => profile.Name).ToArray();

        /// <summary>The three documented profile ids, the document's default for a new channel.</summary>
        public static string[] DefaultIds => Documented.Select(profile => profile.Id).ToArray();

        /// <summary>The id for a documented name (any case) or a raw profile id; null when it is neither.</summary>
        public static string? IdOf(string nameOrId)
        {
            foreach (var profile in Documented)
            {
                if (string.Equals(profile.Name, nameOrId, StringComparison.OrdinalIgnoreCase))
                {
                    return profile.Id;
                }
            }

            return IdForms.Matches(IdKind.SigmaProfile, nameOrId) ? nameOrId.ToLowerInvariant() : null;
        }

        /// <summary>The documented name of a profile id, or the id itself when it is not one of the three.</summary>
        public static string NameOf(string id)
        {
            foreach (var profile in Documented)
            {
                if (string.Equals(profile.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return profile.Name;
                }
            }

            return id;
        }
    }
}
