using System.Net;
using Evaluator.Organisations;

namespace Evaluator.Tests.Api;

public sealed class TightRateLimitFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Api:RateLimitPermits"] = "3",
        ["Api:RateLimitWindowSeconds"] = "3600",
    };
}

public class RateLimitTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task Key_over_its_limit_gets_429_problem_while_another_key_is_unaffected()
    {
        using var busy = await factory.ClientForAsync("limited");
        using var quiet = await factory.ClientForAsync("limited");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/batches")).StatusCode);
        using var limited = await busy.GetAsync("/api/batches");

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Retry-After", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/batches")).StatusCode);
    }
}

public class OpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Document_lists_every_endpoint_with_the_key_scheme_and_examples()
    {
        using var client = factory.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/cases", "/api/cases/{id}", "/api/evaluations", "/api/batches", "/api/batches/{id}",
                     "/api/batches/{id}/results", "/api/rubrics/{caseId}", "/api/rubrics/{caseId}/versions", "/api/webhook", "/api/key",
                     "/api/sessions", "/api/sessions/{id}/report" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.Equal(ApiKeys.Header, document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        var evaluation = paths.GetProperty("/api/evaluations").GetProperty("post");
        Assert.Equal("news-feed", evaluation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("case").GetString());
        Assert.Contains("news-feed", paths.GetProperty("/api/batches").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/x-ndjson").GetProperty("example").GetString());
    }

    [Fact]
    public async Task Browsable_reference_is_served_at_scalar()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
