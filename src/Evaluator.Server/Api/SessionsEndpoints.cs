using System.Text.Json;
using Evaluator.Data;
using Evaluator.Interviews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Server.Api;

/// <summary>
/// A coach's view of their organisation's live interviews: sessions started on a hub connection that
/// presented one of the organisation's API keys (X-Api-Key header, or the access token of the page's cohort link).
/// </summary>
public static class SessionsEndpoints
{
    /// <param name="RubricRevision">The organisation's rubric revision the interview ran on; null for a built-in case.</param>
    public sealed record SessionSummary(string Id, string Case, int? RubricRevision, string Step, int CandidateTurns, string? EndReason,
        bool HasReport, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sessions").WithTags("Sessions").RequireAuthorization(ApiPolicies.Coach);
        group.MapGet("/", ListAsync).WithSummary(
            "The organisation's interview sessions, newest first: ?limit= (default 200, at most 500); a Link header (rel=\"next\") gives the next page.");
        group.MapGet("/{id}/report", ReportAsync).WithSummary("The report of an ended interview: the scoring contract plus the transcript.");
        return api;
    }

    private static async Task<Results<Ok<List<SessionSummary>>, ProblemHttpResult>> ListAsync(
        int? limit, string? before, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        if (ListPage.Read(limit, before, defaultLimit: 200, out var page) is { } invalid) return invalid;
        var organisation = http.User.RequiredOrganisation();
        var sessions = db.InterviewSessions.AsNoTracking().Where(s => s.OrganisationId == organisation);
        if (page.Before is { } last)
        {
            var from = await sessions.Where(s => s.Id == last).Select(s => (DateTimeOffset?)s.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (from is null) return page.UnknownBefore("session");
            // In SQL on the stored UTC text, which orders as the times do; ids compare ordinally there too.
            sessions = sessions.Where(s => s.CreatedAt < from || (s.CreatedAt == from && s.Id.CompareTo(last) < 0));
        }
        var fetched = await sessions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(page.Limit + 1)
            .Select(s => new SessionSummary(s.Id, s.CaseId, s.RubricRevision, s.Step, s.CandidateTurns, s.EndReason,
                db.InterviewReports.Any(r => r.SessionId == s.Id), s.CreatedAt, s.UpdatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Stored as the enum's name; the list speaks as the report does: "ended-by-candidate".
        fetched = [.. fetched.Select(s => s.EndReason is { } reason ? s with { EndReason = InterviewEndReasons.Name(reason) } : s)];
        return TypedResults.Ok(page.Finish(http, fetched, s => s.Id));
    }

    private static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> ReportAsync(
        string id, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var session = await db.InterviewSessions.AsNoTracking()
            .Where(s => s.Id == id && s.OrganisationId == organisation)
            .Select(s => new { Report = db.InterviewReports.Where(r => r.SessionId == s.Id).Select(r => r.Json).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is null)
            return TypedResults.Problem($"No session '{id}' in your organisation.", statusCode: StatusCodes.Status404NotFound, title: "Session not found");
        if (session.Report is null)
            return TypedResults.Problem($"Session '{id}' has not ended yet; its report exists once EndInterview is called.",
                statusCode: StatusCodes.Status409Conflict, title: "Interview not ended");
        using var report = JsonDocument.Parse(session.Report);
        return TypedResults.Ok(report.RootElement.Clone());
    }
}
