using System.Text.Json;
using Evaluator.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Evaluator.Server.Api;

/// <summary>
/// Turns request-reading failures into ProblemDetails: malformed or ill-typed JSON and unknown fields
/// (400, with the JSON path of the field), too large bodies (413), wrong content type (415).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Detail = bad.Message };
        if (bad.InnerException is JsonException json)
        {
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Title = "Invalid JSON body";
            problem.Detail = JsonErrors.Position(json) is { } at ? $"{JsonErrors.Reason(json)} At {at}." : JsonErrors.Reason(json);
            problem.Extensions["path"] = json.Path;
        }
        else
        {
            problem.Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported content type",
                _ => "Bad request",
            };
        }
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = problem, Exception = exception,
        }).ConfigureAwait(false);
    }
}
