using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Pulse.Silo.Problems;

/// <summary>
/// Turns a body that cannot be read (malformed JSON, wrong types, unknown or missing properties) into a 400
/// problem that names the offending JSON path, instead of a bare 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
        var item = json?.Path is { Length: > 0 } path ? path : "body";
        var reason = json is null ? bad.Message : Describe(json);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [item] = [reason] })
            {
                Status = bad.StatusCode,
                Title = "The request body could not be read.",
            },
            Exception = exception,
        });
    }

    // JsonException messages end with location details already given in the path; keep the first sentence.
    private static string Describe(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
