using Evaluator.Data;
using Evaluator.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Server.Api;

/// <summary>The organisation's one webhook (admin only): called, signed, when a batch completes.</summary>
public static class WebhookEndpoints
{
    public sealed class WebhookRequest
    {
        /// <summary>An absolute http or https URL.</summary>
        public required string Url { get; init; }

        /// <summary>The signing secret; generated when left out. Returned only in this response.</summary>
        public string? Secret { get; init; }
    }

    public sealed record WebhookView(string Url, DateTime CreatedAt, string? Secret = null);

    public static RouteGroupBuilder MapWebhook(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhook").WithTags("Webhook").RequireAuthorization(ApiPolicies.Admin);
        group.MapPut("/", PutAsync).WithSummary("Sets the webhook; the response shows the signing secret, once.");
        group.MapGet("/", GetAsync).WithSummary("The webhook URL (never the secret).");
        group.MapDelete("/", DeleteAsync).WithSummary("Removes the webhook.");
        return api;
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> PutAsync(
        WebhookRequest request, HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return TypedResults.Problem("'url' must be an absolute http or https URL.", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid request", extensions: new Dictionary<string, object?> { ["path"] = "$.url" });
        if (request.Secret is { Length: < 16 })
            return TypedResults.Problem("'secret' must be at least 16 characters (or left out to get a generated one).",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["path"] = "$.secret" });
        var organisation = http.User.RequiredOrganisation();
        var hook = await db.Webhooks.FindAsync([organisation], cancellationToken).ConfigureAwait(false);
        if (hook is null)
        {
            hook = new Webhook { Organisation = organisation, Url = "", Secret = "" };
            db.Webhooks.Add(hook);
        }
        hook.Url = url.ToString();
        hook.Secret = request.Secret ?? WebhookSignature.NewSecret();
        hook.CreatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new WebhookView(hook.Url, hook.CreatedAt, hook.Secret));
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(
        HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Organisation == organisation, cancellationToken)
            .ConfigureAwait(false);
        return hook is null ? NotFound() : TypedResults.Ok(new WebhookView(hook.Url, hook.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext http, EvaluatorDb db, CancellationToken cancellationToken)
    {
        var organisation = http.User.RequiredOrganisation();
        var deleted = await db.Webhooks.Where(w => w.Organisation == organisation).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 0 ? NotFound() : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Your organisation has no webhook.", statusCode: StatusCodes.Status404NotFound, title: "Webhook not found");
}
