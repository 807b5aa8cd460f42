using System.Net;
using System.Net.Http.Json;
using Evaluator.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Tests.Api;

/// <summary>No key → 401, unknown or revoked key → 401, coach on admin endpoints → 403, candidate on coach endpoints → 403; always ProblemDetails.</summary>
public class AuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Every endpoint that needs a coach (or admin) key.</summary>
    private static readonly (string Method, string Path)[] CoachEndpointList =
    [
        ("POST", "/api/evaluations"),
        ("POST", "/api/batches"),
        ("GET", "/api/batches"),
        ("GET", "/api/batches/b_x"),
        ("GET", "/api/batches/b_x/results"),
        ("GET", "/api/rubrics"),
        ("PUT", "/api/rubrics/acme-feed"),
        ("GET", "/api/rubrics/acme-feed/versions"),
        ("GET", "/api/rubrics/acme-feed/versions/1"),
        ("PUT", "/api/webhook"),
        ("GET", "/api/webhook"),
        ("DELETE", "/api/webhook"),
        ("GET", "/api/sessions"),
        ("GET", "/api/sessions/s_x/report"),
    ];

    /// <summary>Every endpoint that needs a key: the coach's, and the key check any role may call.</summary>
    public static TheoryData<string, string> ProtectedEndpoints => Endpoints([.. CoachEndpointList, ("GET", "/api/key")]);

    public static TheoryData<string, string> CoachEndpoints => Endpoints(CoachEndpointList);

    private static TheoryData<string, string> Endpoints(IEnumerable<(string Method, string Path)> endpoints)
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in endpoints) data.Add(method, path);
        return data;
    }

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "PUT", "/api/rubrics/acme-feed" },
        { "PUT", "/api/webhook" },
        { "GET", "/api/webhook" },
        { "DELETE", "/api/webhook" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Request_without_a_key_is_401_problem(string method, string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("API key required", problem.GetProperty("title").GetString());
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Request_with_an_unknown_key_is_401_problem(string method, string path)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, "evk_not-a-real-key");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid API key", problem.GetProperty("title").GetString());
        Assert.Contains("not valid", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Coach_key_on_an_admin_endpoint_is_403_problem(string method, string path)
    {
        using var client = await factory.ClientForAsync("acme", Roles.Coach);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("admin", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(CoachEndpoints))]
    public async Task Candidate_key_on_a_coach_endpoint_is_403_problem(string method, string path)
    {
        using var client = await factory.ClientForAsync("acme-cohort", Roles.Candidate);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("candidate key", detail);
        Assert.Contains(AdminEndpoints.Any(e => (string)e[0] == method && (string)e[1] == path) ? "needs an admin key" : "needs a coach key", detail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Key_as_a_bearer_token_or_access_token_query_counts_only_on_the_hubs(bool inQuery)
    {
        // Arrange: the hub's ways of sending a key, tried on the REST API, where only X-Api-Key counts.
        var key = await factory.CreateKeyAsync("acme-token", Roles.Coach);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, inQuery ? $"/api/batches?access_token={key}" : "/api/batches");
        if (!inQuery) request.Headers.Authorization = new("Bearer", key);

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_key_may_do_what_a_coach_may()
    {
        using var client = await factory.ClientForAsync("acme-admin", Roles.Admin);

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { @case = TestAnswers.Case, answer = TestAnswers.Strong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        var key = await factory.CreateKeyAsync("revokers", Roles.Coach);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/batches")).StatusCode);

        var revoked = await factory.InDatabase(db => ApiKeys.RevokeAsync(db, "revokers", key[..12]));

        Assert.True(revoked);
        await (await client.GetAsync("/api/batches")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var key = await factory.CreateKeyAsync("hashed", Roles.Coach);

        var stored = factory.InDatabase(db => db.ApiKeys.Single(k => k.Organisation == "hashed"));

        Assert.NotEqual(key, stored.Hash);
        Assert.Equal(ApiKeys.HashOf(key), stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
    }
}

/// <summary>Keys checked against the database on every request, as with Api:KeyCacheSeconds=0.</summary>
public sealed class UncachedKeysFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Api:KeyCacheSeconds"] = "0" };
}

public class KeyCacheTests(UncachedKeysFactory factory) : IClassFixture<UncachedKeysFactory>
{
    [Fact]
    public async Task Without_the_key_cache_a_key_revoked_by_another_process_stops_working_at_once()
    {
        var key = await factory.CreateKeyAsync("elsewhere", Roles.Coach);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/batches")).StatusCode);

        // Another process (the CLI) writes the revocation straight to the database: this server is not told.
        var revoked = factory.InDatabase(db => db.Database.ExecuteSql($"UPDATE ApiKeys SET RevokedAt = {DateTime.UtcNow} WHERE Organisation = 'elsewhere'"));

        Assert.Equal(1, revoked);
        await (await client.GetAsync("/api/batches")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
