using Evaluator.Rubrics;

namespace Evaluator.Server.Api;

public static class CasesEndpoints
{
    public sealed record CaseSummary(string Id, string Title, string Version, string Prompt, int Criteria);

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapGet("/", (RubricSet rubrics) => TypedResults.Ok(rubrics.Cases.Select(Summarise)));
        return app;
    }

    public static CaseSummary Summarise(CaseRubric c) =>
        new(c.Id, c.Title, c.Version, c.Prompt, c.Dimensions.Values.Sum(list => list.Count));
}
