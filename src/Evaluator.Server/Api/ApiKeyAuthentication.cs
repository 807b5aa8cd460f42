using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Api;

/// <summary>
/// Authenticates the X-Api-Key header against the stored key hashes. The principal carries the
/// key's organisation and role; every query of organisation data filters on that organisation.
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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeys.Header].ToString();
        if (string.IsNullOrWhiteSpace(presented)) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(db, presented.Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (key is null) return AuthenticateResult.Fail("The API key is not valid: unknown or revoked.");
        var identity = new ClaimsIdentity(
            [
                new Claim(OrganisationClaim, key.Organisation),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
            ], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await WriteAsync(StatusCodes.Status401Unauthorized, "API key required", result.Failure?.Message
            ?? $"Send an API key in the {ApiKeys.Header} header. Create one with: evaluator keys create --org <organisation> --role coach")
            .ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Role not allowed",
            $"This key has role '{Context.User.FindFirstValue(ClaimTypes.Role)}'. Managing rubrics and webhooks needs an admin key.");

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
