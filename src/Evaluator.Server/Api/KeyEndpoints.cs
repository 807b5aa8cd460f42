using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evaluator.Server.Api;

/// <summary>
/// GET /api/key: which organisation and role the presented key has. The interview page checks a cohort link's key
/// with it (and names the organisation); a script can check its key before it starts a long job.
/// </summary>
public static class KeyEndpoints
{
    public sealed record KeyView(string Organisation, string Role, string Prefix);

    public static RouteGroupBuilder MapKey(this RouteGroupBuilder api)
    {
        api.MapGet("/key", Get).WithTags("Key").RequireAuthorization(ApiPolicies.AnyKey)
            .WithSummary("The presented key's organisation, role and prefix (any role).");
        return api;
    }

    private static Ok<KeyView> Get(HttpContext http) => TypedResults.Ok(new KeyView(
        http.User.RequiredOrganisation(),
        http.User.FindFirstValue(ClaimTypes.Role)!,
        http.User.FindFirstValue(ApiKeyAuthentication.KeyPrefixClaim)!));
}
