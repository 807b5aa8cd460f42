using Microsoft.AspNetCore.Http.HttpResults;
using Evaluator.Rubrics;

namespace Evaluator.Server.Api;

public static class CasesEndpoints
{
    public sealed record CaseSummary(string Id, string Title, string Version, string Prompt, int Criteria);

    /// <summary>One case with what each criterion asks for and its exemplar (shown next to what a candidate missed).</summary>
    public sealed record CaseDetail(
        string Id,
        string Title,
        string Version,
        string Prompt,
        IReadOnlyDictionary<string, IReadOnlyList<CriterionDetail>> Dimensions);

    public sealed record CriterionDetail(string Id, string Description, IReadOnlyList<string> Probes, string Exemplar);

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapGet("/", (RubricSet rubrics) => TypedResults.Ok(rubrics.Cases.Select(Summarise)));
        group.MapGet("/{id}", GetCase);
        return app;
    }

    public static CaseSummary Summarise(CaseRubric c) =>
        new(c.Id, c.Title, c.Version, c.Prompt, c.Dimensions.Values.Sum(list => list.Count));

    private static Results<Ok<CaseDetail>, ProblemHttpResult> GetCase(string id, RubricSet rubrics)
    {
        if (rubrics.Find(id) is not { } rubric)
            return TypedResults.Problem(
                $"Unknown case '{id}'. Known cases: {string.Join(", ", rubrics.Cases.Select(c => c.Id))}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown case");

        var dimensions = Dimensions.All
            .Where(rubric.Dimensions.ContainsKey)
            .ToDictionary(
                d => d,
                d => (IReadOnlyList<CriterionDetail>)rubric.Dimensions[d]
                    .Select(c => new CriterionDetail(c.Id, c.Description, c.Probes, c.Exemplar))
                    .ToList());
        return TypedResults.Ok(new CaseDetail(rubric.Id, rubric.Title, rubric.Version, rubric.Prompt, dimensions));
    }
}
