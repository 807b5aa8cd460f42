using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Api;

/// <summary>
/// Authenticates the X-Api-Key header against the stored key hashes. The principal carries the
/// key's organisation and role; every query of organisation data filters on that organisation.
/// On the hubs a key may also come as the SignalR access token: a browser cannot set headers on a WebSocket.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EvaluatorDb db,
    ApiKeyCache keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganisationClaim = "org";
    public const string KeyIdClaim = "key";
    public const string KeyPrefixClaim = "key-prefix";

    /// <summary>What every refusal of a presented key says, over HTTP and on the hub (the page recognises it).</summary>
    public const string NotValid = "The API key is not valid: unknown or revoked.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Context) is not { } presented) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(db, presented, Context.RequestAborted).ConfigureAwait(false);
        if (key is null) return AuthenticateResult.Fail(NotValid);
        var identity = new ClaimsIdentity(
            [
                new Claim(OrganisationClaim, key.Organisation),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(KeyPrefixClaim, key.Prefix),
            ], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        // A key that was sent and refused is not a missing key: say which it is.
        await WriteAsync(StatusCodes.Status401Unauthorized, result.Failure is null ? "API key required" : "Invalid API key", result.Failure?.Message
            ?? $"Send an API key in the {ApiKeys.Header} header. Create one with: evaluator keys create --org <organisation> --role coach")
            .ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        var needsAdmin = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ApiPolicies.Admin) == true;
        var needed = needsAdmin ? "Managing rubrics and webhooks needs an admin key." : "Grading and reading results needs a coach key.";
        return WriteAsync(StatusCodes.Status403Forbidden, "Role not allowed", role == Roles.Candidate
            ? $"This is a candidate key: it files live interviews under its organisation and reads nothing else. {needed}"
            : $"This key has role '{role}'. {needed}");
    }

    /// <summary>
    /// The key the request presents, if any: the X-Api-Key header, or on a hub path the SignalR client's access
    /// token (a bearer header on negotiate and long polling, the access_token query on WebSockets and SSE).
    /// </summary>
    public static string? PresentedKey(HttpContext http)
    {
        var request = http.Request;
        var presented = request.Headers[ApiKeys.Header].ToString();
        if (string.IsNullOrWhiteSpace(presented) && request.Path.StartsWithSegments("/hubs"))
        {
            var authorization = request.Headers.Authorization.ToString();
            presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization["Bearer ".Length..]
                : request.Query["access_token"].ToString();
        }
        return string.IsNullOrWhiteSpace(presented) ? null : presented.Trim();
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}

public static class ApiPrincipal
{
    /// <summary>The organisation of the authenticated key; null for anonymous callers.</summary>
    public static string? Organisation(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthentication.OrganisationClaim);

    /// <summary>The organisation of a caller that passed a coach or admin policy.</summary>
    public static string RequiredOrganisation(this ClaimsPrincipal user) =>
        user.Organisation() ?? throw new InvalidOperationException("The endpoint needs an authenticated API key.");
}
