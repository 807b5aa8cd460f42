using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evaluator.Server.Api;

/// <summary>
/// ?limit= and ?before= on the organisation's lists (batches, sessions), newest first. A page that is not the last
/// ends with a Link header (rel="next") to the one after it, so a coach can walk a whole cohort's history.
/// </summary>
/// <param name="Before">The id of the last item of the previous page; null for the first page.</param>
public readonly record struct ListPage(int Limit, string? Before)
{
    public const int MaxLimit = 500;

    /// <summary>The page asked for, or the 400 that says what is wrong with it.</summary>
    public static ProblemHttpResult? Read(int? limit, string? before, int defaultLimit, out ListPage page)
    {
        page = new(limit ?? defaultLimit, string.IsNullOrEmpty(before) ? null : before);
        return page.Limit is >= 1 and <= MaxLimit ? null : TypedResults.Problem(
            string.Create(CultureInfo.InvariantCulture, $"'limit' must be between 1 and {MaxLimit}; got {limit}."),
            statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["path"] = "limit" });
    }

    /// <summary>A ?before= that names nothing in the organisation's list.</summary>
    public ProblemHttpResult UnknownBefore(string what) => TypedResults.Problem(
        $"No {what} '{Before}' in your organisation to list from: 'before' is the id of the last {what} of the previous page.",
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
        extensions: new Dictionary<string, object?> { ["path"] = "before" });

    /// <summary>
    /// Cuts the page from up to Limit + 1 items read newest first (one more than the page, to know whether another
    /// follows) and, when one does, links it.
    /// </summary>
    public List<T> Finish<T>(HttpContext http, List<T> fetched, Func<T, string> id)
    {
        if (fetched.Count <= Limit) return fetched;
        fetched.RemoveRange(Limit, fetched.Count - Limit);
        var next = string.Create(CultureInfo.InvariantCulture,
            $"{http.Request.PathBase}{http.Request.Path}?limit={Limit}&before={Uri.EscapeDataString(id(fetched[^1]))}");
        http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        return fetched;
    }
}
