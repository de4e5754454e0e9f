using System.Text.Json.Nodes;
using LiveStream.Http;

namespace LiveStream.Sigma
{
    /// <summary>Sigma's q parameter: a JSON filter such as {"channelId":"..."} or {"$and":[{...},{...}]}.</summary>
    public static class SigmaFilter
    {
        /// <summary>A filter for items whose top-level <paramref name="field"/> equals <paramref name="value"/> exactly.</summary>
        public static string Equal(string field, string value) =>
            new JsonObject { [field] = value }.ToJsonString(JsonDefaults.Options);
    }
}
