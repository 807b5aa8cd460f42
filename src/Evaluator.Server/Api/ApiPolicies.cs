using Evaluator.Organisations;

namespace Evaluator.Server.Api;

/// <summary>
/// Who may do what. Coach: grade (evaluations, batches) and read the organisation's cases, rubrics,
/// batches and sessions. Admin: everything a coach may, plus upload rubrics and manage the webhook.
/// Candidate: the organisation's cases and its own key (the interview page), nothing else. Without a key
/// only the built-in cases can be read (the candidates' page needs them).
/// </summary>
public static class ApiPolicies
{
    public const string AnyKey = "any-key";
    public const string Coach = "coach";
    public const string Admin = "admin";
    public const string RateLimit = "per-key";

    internal static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(AnyKey, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Coach, p => p.RequireAuthenticatedUser().RequireRole(Roles.Coach, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
