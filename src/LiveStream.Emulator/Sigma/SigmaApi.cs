using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiveStream.Emulator.Sigma;

/// <summary>The Sigma Livestream endpoints under /api/livestream, behind Sigma's authentication.</summary>
public static class SigmaApi
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app, EmulatorState state)
    {
        var api = app.MapGroup("/api/livestream").AddEndpointFilter(async (context, next) =>
            Authenticate(context.HttpContext.Request, state.Options.Sigma) ?? await next(context));

        SigmaSessionEndpoints.Map(api, state);
        SigmaChannelEndpoints.Map(api, state);
    }

    /// <summary>Basic base64(username:secret key) and the app's X-App-Id: 401 without a valid credential, 403 for another app.</summary>
    private static IResult? Authenticate(HttpRequest request, SigmaAccount account)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return SigmaErrors.Unauthorized("Missing Authorization: Basic credentials");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return SigmaErrors.Unauthorized("Malformed Basic credentials");
        }

        if (decoded != account.UserName + ":" + account.SecretKey)
        {
            return SigmaErrors.Unauthorized("Invalid username or secret key");
        }

        var appId = request.Headers["X-App-Id"].ToString();
        if (string.IsNullOrEmpty(appId))
        {
            return SigmaErrors.Forbidden("Missing X-App-Id header");
        }

        return appId == account.AppId ? null : SigmaErrors.Forbidden("The credential has no access to app " + appId);
    }
}
