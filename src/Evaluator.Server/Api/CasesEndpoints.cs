using Evaluator.Organisations;
using Evaluator.Rubrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evaluator.Server.Api;

public static class CasesEndpoints
{
    /// <summary>Source is "built-in" or "organisation"; Revision is the organisation's upload number.</summary>
    public sealed record CaseSummary(string Id, string Title, string Version, string Prompt, int Criteria,
        string Source = "built-in", int? Revision = null);

    /// <summary>What a criterion asks for, its follow-up questions and the exemplar shown next to what a candidate missed.</summary>
    public sealed record CriterionSummary(string Id, string Description, IReadOnlyList<string> Probes, string Exemplar);

    public sealed record CaseDetail(string Id, string Title, string Version, string Prompt, string Source, int? Revision,
        IReadOnlyDictionary<string, IReadOnlyList<CriterionSummary>> Dimensions);

    /// <summary>Readable without a key (built-in cases); with a key, the organisation's own cases are included.</summary>
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").AllowAnonymous().RequireRateLimiting(ApiPolicies.RateLimit);
        group.MapGet("/", ListAsync).WithSummary("Lists the cases: built-in, plus the organisation's own with a key.");
        group.MapGet("/{id}", GetAsync).WithSummary("One case: its prompt and what each dimension looks for (facts stay with the interviewer).");
        return app;
    }

    public static CaseSummary Summarise(CaseRubric c) =>
        new(c.Id, c.Title, c.Version, c.Prompt, c.Dimensions.Values.Sum(list => list.Count));

    private static async Task<Results<Ok<IEnumerable<CaseSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, OrganisationCases cases, CancellationToken cancellationToken)
    {
        if (InvalidKey(http) is { } problem) return problem;
        var list = await cases.ListAsync(http.User.Organisation(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(c => Summarise(c.Rubric) with { Source = c.Source, Revision = c.Revision }));
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, OrganisationCases cases, CancellationToken cancellationToken)
    {
        if (InvalidKey(http) is { } problem) return problem;
        if (await cases.FindAsync(http.User.Organisation(), id, cancellationToken).ConfigureAwait(false) is not { } found)
            return TypedResults.Problem($"No case '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Case not found");
        var c = found.Rubric;
        return TypedResults.Ok(new CaseDetail(c.Id, c.Title, c.Version, c.Prompt, found.Source, found.Revision,
            c.Dimensions.ToDictionary(d => d.Key,
                d => (IReadOnlyList<CriterionSummary>)[.. d.Value.Select(k => new CriterionSummary(k.Id, k.Description, k.Probes, k.Exemplar))])));
    }

    /// <summary>A key that is sent must be valid, even where none is needed.</summary>
    private static ProblemHttpResult? InvalidKey(HttpContext http) =>
        http.Request.Headers.ContainsKey(ApiKeys.Header) && http.User.Organisation() is null
            ? TypedResults.Problem(ApiKeyAuthentication.NotValid, statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required")
            : null;
}
