using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LiveStream.Model;

namespace LiveStream.Tests.Infrastructure;

/// <summary>What the channel tests share: making channels through the module and reading the emulator's Sigma state.</summary>
public static class SigmaChannelHelpers
{
    public const string ChannelsPath = "/api/livestream/channels";

    /// <summary>
    /// Creates one Sigma channel per name through New-LiveChannel on the runspace's default Sigma connection, one after
    /// another, so that their creation order (which lists sort by) is the order of the names.
    /// </summary>
    public static List<LiveChannel> NewChannels(this PsRunspace shell, params string[] names)
    {
        var result = shell.Run("$names | New-LiveChannel -Vendor Sigma -ThrottleLimit 1", ("names", names));
        result.AssertSuccess();
        return result.Objects<LiveChannel>();
    }

    /// <summary>The emulator's channels in store order, as copies taken under the store's lock.</summary>
    public static List<JsonObject> StoredChannels(this EmulatorFixture emulator)
    {
        var store = emulator.State.Sigma;
        lock (store.Gate)
        {
            return store.Channels.Select(channel => (JsonObject)channel.DeepClone()).ToList();
        }
    }

    public static JsonObject StoredChannel(this EmulatorFixture emulator, string id) =>
        Assert.Single(emulator.StoredChannels(), channel => (string?)channel["id"] == id);

    /// <summary>Changes the emulator's Sigma state directly, for states no vendor call produces.</summary>
    public static void EditSigma(this EmulatorFixture emulator, Action<Emulator.Sigma.SigmaStore> edit)
    {
        var store = emulator.State.Sigma;
        lock (store.Gate)
        {
            edit(store);
        }
    }

    /// <summary>The channel requests that arrived with <paramref name="method"/>.</summary>
    public static List<Emulator.RecordedRequest> ChannelRequests(this EmulatorFixture emulator, string method) =>
        emulator.Requests(ChannelsPath).Where(request => request.Method == method).ToList();

    /// <summary>An HttpClient that speaks to the emulator's Sigma API with the fixture's credential, as curl would.</summary>
    public static HttpClient SigmaHttp(this EmulatorFixture emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.Sigma.UserName + ":" + emulator.Sigma.SecretKey));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        http.DefaultRequestHeaders.Add("X-App-Id", emulator.Sigma.AppId);
        return http;
    }
}
