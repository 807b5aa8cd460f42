using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Evaluator.Server.Api;

/// <summary>
/// A 415 from routing (the endpoint does not accept the request's content type) said only "Unsupported Media Type";
/// curl without -H sends a form type, the most likely first mistake. The problem now names what the endpoint at that
/// address takes and what it got.
/// </summary>
internal static class ContentTypeProblems
{
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status415UnsupportedMediaType || problem.Detail is not null) return;
        var accepts = Accepted(context.HttpContext);
        if (accepts.Count == 0) return;
        var got = context.HttpContext.Request.ContentType is { Length: > 0 } type ? $"'{type}'" : "no content type";
        problem.Detail = $"Send the body with Content-Type {string.Join(" or ", accepts)}; got {got}.";
    }

    /// <summary>The content types of the endpoints that match the request's method and path (routing has replaced them by its 415 endpoint).</summary>
    private static List<string> Accepted(HttpContext http)
    {
        var request = http.Request;
        var accepted = new List<string>();
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { ContentTypes.Count: > 0 } accepts) continue;
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)) continue;
            var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? ""), []);
            if (matcher.TryMatch(request.Path, [])) accepted.AddRange(accepts.ContentTypes.Except(accepted));
        }
        return accepted;
    }
}
