using Evaluator.Organisations;
using Evaluator.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Evaluator.Server.Api;

public static class EvaluationsEndpoints
{
    /// <summary>One answer to grade. Unknown fields are rejected (400 with the field's path).</summary>
    public sealed class EvaluationRequest
    {
        /// <summary>Your id for the answer, echoed in the result; a random one when left out.</summary>
        public string? Id { get; init; }

        public required string Case { get; init; }
        public required string Answer { get; init; }
    }

    public static RouteGroupBuilder MapEvaluations(this RouteGroupBuilder api, ApiOptions options)
    {
        api.MapPost("/evaluations", EvaluateAsync)
            .RequireAuthorization(ApiPolicies.Coach)
            .WithTags("Evaluations")
            .WithSummary("Grades one answer now and returns the scoring contract.")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBytes));
        return api;
    }

    private static async Task<Results<Ok<Evaluation>, ProblemHttpResult>> EvaluateAsync(
        EvaluationRequest request, HttpContext http, OrganisationCases cases, IAnswerScorer scorer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Answer))
            return TypedResults.Problem("'answer' must not be empty.", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid request", extensions: new Dictionary<string, object?> { ["path"] = "$.answer" });
        var organisation = http.User.RequiredOrganisation();
        if (await cases.FindAsync(organisation, request.Case, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            var known = (await cases.ListAsync(organisation, cancellationToken).ConfigureAwait(false)).Select(c => c.Rubric.Id);
            return TypedResults.Problem($"Unknown case '{request.Case}'. Known cases: {string.Join(", ", known)}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["path"] = "$.case" });
        }
        var id = string.IsNullOrWhiteSpace(request.Id) ? "e_" + Guid.NewGuid().ToString("N")[..12] : request.Id;
        return TypedResults.Ok(await scorer.ScoreAsync(id, found.Rubric, request.Answer, cancellationToken).ConfigureAwait(false));
    }
}
