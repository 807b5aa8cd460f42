using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Evaluator.Server.Api;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's limit with a 413 ProblemDetails
/// before anything reads it. Kestrel enforces the same limit on bodies sent without a length.
/// </summary>
internal static class RequestSizeLimits
{
    public static IApplicationBuilder UseRequestSizeLimitProblems(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max && http.Request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large",
                        Detail = $"The body is {http.Request.ContentLength} bytes; this endpoint takes at most {max}.",
                    },
                }).ConfigureAwait(false);
                return;
            }
            if (limit is not null && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            await next(http).ConfigureAwait(false);
        });
}
