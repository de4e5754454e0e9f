using System.Text;
using System.Text.Json.Nodes;

namespace LiveStream.Emulator.Control;

/// <summary>Applies the fault rules of <see cref="Faults"/> to vendor requests (never to /_emulator paths).</summary>
public static class FaultInjection
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var latency = state.Faults.LatencyFor(method, path);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var fault = state.Faults.Pick(method, path);
        switch (fault?.Kind)
        {
            case null:
                await next(context);
                return;
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.StatusCode = fault.Status == 0 ? 503 : fault.Status;
                await context.Response.WriteAsJsonAsync(new { message = fault.Message ?? "Injected fault: HTTP " + context.Response.StatusCode });
                return;
            case FaultKind.Drop:
                context.Abort();
                return;
        }

        var askedPage = context.Request.Query["page"].ToString();
        if (fault.Kind == FaultKind.IgnorePage)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value);
            query["page"] = "1";
            context.Request.QueryString = QueryString.Create(query);
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (fault.Kind == FaultKind.DropAfter)
        {
            context.Abort();
            return;
        }

        var body = Encoding.UTF8.GetString(buffer.ToArray());
        context.Response.Headers.ContentLength = null;
        switch (fault.Kind)
        {
            case FaultKind.Html:
                context.Response.StatusCode = fault.Status == 0 ? 200 : fault.Status;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>" +
                    "<body><h1>Bad Gateway</h1><p>upstream error</p></body></html>");
                break;
            case FaultKind.Truncated:
                await context.Response.WriteAsync(body[..(body.Length / 2)]);
                break;
            case FaultKind.WrongTypes:
                await context.Response.WriteAsync(Transform(body, WrongType));
                break;
            case FaultKind.MissingFields:
                var fields = fault.Fields is { Length: > 0 } named ? named : ["id"];
                await context.Response.WriteAsync(Transform(body, node => RemoveFields(node, fields)));
                break;
            case FaultKind.Huge:
                await WriteHugeAsync(context.Response, fault.HugeBytes);
                break;
            case FaultKind.IgnorePage or FaultKind.LyingTotal:
                await context.Response.WriteAsync(Transform(body, node => LieAboutPages(node, fault, askedPage)));
                break;
        }
    }

    private static string Transform(string json, Func<JsonNode?, JsonNode?> change)
    {
        try
        {
            return change(JsonNode.Parse(json))?.ToJsonString() ?? "null";
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static JsonNode? WrongType(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    // A nested object or array is changed in place; only a replaced value is set again (setting a node
                    // that already has this parent throws).
                    if (WrongType(obj[key]) is var changed && !ReferenceEquals(changed, obj[key]))
                    {
                        obj[key] = changed;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (WrongType(array[i]) is var changed && !ReferenceEquals(changed, array[i]))
                    {
                        array[i] = changed;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out _):
                return new JsonArray(1, 2);
            case JsonValue value when value.TryGetValue<bool>(out _):
                return new JsonObject { ["unexpected"] = true };
            case JsonValue:
                return "not-a-number";
            default:
                return node;
        }
    }

    private static JsonNode? LieAboutPages(JsonNode? node, FaultRule fault, string askedPage)
    {
        if (node is JsonObject list)
        {
            if (fault.Kind == FaultKind.IgnorePage && int.TryParse(askedPage, out var page))
            {
                list["page"] = page;
            }

            if (fault.Total is { } total)
            {
                list["total"] = total;
            }

            if (fault.PerPage is { } perPage)
            {
                list["perPage"] = perPage;
            }
        }

        return node;
    }

    private static JsonNode? RemoveFields(JsonNode? node, string[] fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var field in fields)
                {
                    obj.Remove(field);
                }

                foreach (var pair in obj.ToList())
                {
                    RemoveFields(pair.Value, fields);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveFields(item, fields);
                }

                break;
        }

        return node;
    }

    private static async Task WriteHugeAsync(HttpResponse response, long bytes)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        var item = Encoding.UTF8.GetBytes("{\"id\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"filler\"},");
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"data\":["));
        for (long written = 0; written < bytes; written += item.Length)
        {
            await response.Body.WriteAsync(item);
        }

        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{}],\"total\":0,\"count\":0,\"page\":1,\"perPage\":10}"));
    }
}
