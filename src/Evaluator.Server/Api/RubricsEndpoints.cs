using System.Text;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Server.Api;

/// <summary>An organisation's own case rubrics: upload (admin) a YAML case file, versioned per upload.</summary>
public static class RubricsEndpoints
{
    public const string YamlMediaType = "application/yaml";

    public sealed record RubricRevision(string Case, int Revision, string Version, string Title, DateTime CreatedAt);

    public sealed record RubricLineError(int Line, string Message);

    public static RouteGroupBuilder MapRubrics(this RouteGroupBuilder api, ApiOptions options)
    {
        var group = api.MapGroup("/rubrics").WithTags("Rubrics").RequireAuthorization(ApiPolicies.Coach);
        group.MapGet("/", ListAsync).WithSummary("The organisation's own cases, newest revision of each.");
        group.MapPut("/{caseId}", PutAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithSummary("Uploads a case rubric (YAML, same format as rubrics/*.yaml) as the case's next revision.")
            .Accepts<string>(YamlMediaType, "text/yaml", "text/plain")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBytes))
            .DisableAntiforgery();
        group.MapGet("/{caseId}/versions", VersionsAsync).WithSummary("Every revision of one of the organisation's cases.");
        group.MapGet("/{caseId}/versions/{revision:int}", YamlAsync).WithName("GetRubricRevision")
            .WithSummary("The YAML of one revision.");
        return api;
    }

    private static async Task<Ok<List<RubricRevision>>> ListAsync(HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var all = await db.OrganisationRubrics.AsNoTracking().Where(r => r.Organisation == organisation)
            .Select(r => new RubricRevision(r.CaseId, r.Revision, r.Version, r.Title, r.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(all.GroupBy(r => r.Case).Select(g => g.MaxBy(r => r.Revision)!).OrderBy(r => r.Case, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<CreatedAtRoute<RubricRevision>, ProblemHttpResult>> PutAsync(
        string caseId, HttpContext http, OrganisationCases cases, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var yaml = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var (saved, errors) = await cases.SaveAsync(http.User.RequiredOrganisation(), caseId, yaml, cancellationToken).ConfigureAwait(false);
        if (saved is null)
            return TypedResults.Problem($"The rubric has {errors.Count} error(s); nothing was saved.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid rubric",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new RubricLineError(e.Line, e.Message)).ToList() });
        return TypedResults.CreatedAtRoute(
            new RubricRevision(saved.CaseId, saved.Revision, saved.Version, saved.Title, saved.CreatedAt),
            "GetRubricRevision", new { caseId = saved.CaseId, revision = saved.Revision });
    }

    private static async Task<Results<Ok<List<RubricRevision>>, ProblemHttpResult>> VersionsAsync(
        string caseId, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var versions = await db.OrganisationRubrics.AsNoTracking()
            .Where(r => r.Organisation == organisation && r.CaseId == caseId)
            .OrderBy(r => r.Revision)
            .Select(r => new RubricRevision(r.CaseId, r.Revision, r.Version, r.Title, r.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? NotFound(caseId) : TypedResults.Ok(versions);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> YamlAsync(
        string caseId, int revision, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var yaml = await db.OrganisationRubrics.AsNoTracking()
            .Where(r => r.Organisation == organisation && r.CaseId == caseId && r.Revision == revision)
            .Select(r => r.Yaml).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return yaml is null ? NotFound(caseId) : TypedResults.Text(yaml, YamlMediaType, Encoding.UTF8);
    }

    private static ProblemHttpResult NotFound(string caseId) =>
        TypedResults.Problem($"Your organisation has no uploaded rubric '{caseId}' (or no such revision).",
            statusCode: StatusCodes.Status404NotFound, title: "Rubric not found");
}
