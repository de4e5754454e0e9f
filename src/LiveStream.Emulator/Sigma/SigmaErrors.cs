using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Sigma;

/// <summary>
/// Sigma's error bodies are not documented; the emulator answers in the NestJS form its API style suggests:
/// {"statusCode":404,"message":"...","error":"Not Found"}.
/// </summary>
public static class SigmaErrors
{
    public static IResult Error(int status, string error, string message) =>
        Results.Json(new JsonObject { ["statusCode"] = status, ["message"] = message, ["error"] = error },
            SigmaApi.Json, statusCode: status);

    public static IResult BadRequest(string message) => Error(400, "Bad Request", message);

    public static IResult Unauthorized(string message) => Error(401, "Unauthorized", message);

    public static IResult Forbidden(string message) => Error(403, "Forbidden", message);

    public static IResult NotFound(string message) => Error(404, "Not Found", message);

    public static IResult Conflict(string message) => Error(409, "Conflict", message);
}
