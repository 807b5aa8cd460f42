using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Evaluator.Server.Api;

public static class ApiSetup
{
    /// <summary>API keys, roles, rate limits, strict JSON and ProblemDetails for every API error.</summary>
    public static WebApplicationBuilder AddEvaluatorApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(ApiPolicies.Add);

        // Strict bodies: a misspelt or ill-typed field is a 400 naming its JSON path, never silently dropped.
        services.Configure<JsonOptions>(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddRateLimiter(o =>
        {
            o.OnRejected = WriteRateLimitedAsync;
            o.AddPolicy(ApiPolicies.RateLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                // Per key once authenticated; callers without a (valid) key share a limit per address.
                var partition = http.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is { } keyId
                    ? "key:" + keyId
                    : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
        });

        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiExamplesTransformer>();
        });
        return builder;
    }

    /// <summary>The /api endpoints (cases are mapped by MapCases), the OpenAPI UI at /scalar.</summary>
    public static WebApplication MapEvaluatorApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestSizeLimitProblems();

        var apiOptions = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var batchOptions = app.Services.GetRequiredService<IOptions<Evaluator.Batches.BatchOptions>>().Value;
        var api = app.MapGroup("/api").RequireRateLimiting(ApiPolicies.RateLimit);
        api.MapKey();
        api.MapEvaluations(apiOptions);
        api.MapBatches(batchOptions);
        api.MapRubrics(apiOptions);
        api.MapWebhook();
        api.MapSessions();

        app.MapScalarApiReference(o => o.WithTitle("Evaluator API").AddPreferredSecuritySchemes(ApiDocumentTransformer.SchemeName));
        return app;
    }

    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                Detail = "This key has used up its requests for now; retry after the time in the Retry-After header.",
            },
        }).ConfigureAwait(false);
    }
}
