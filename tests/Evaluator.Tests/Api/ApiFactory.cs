using System.Net.Http.Json;
using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Api;

/// <summary>
/// The server in process, on its own SQLite file (one per test class, deleted afterwards).
/// Any server type names the entry assembly; Program is ambiguous here because the CLI has one too.
/// </summary>
public class ApiFactory : WebApplicationFactory<Evaluator.Server.Api.ApiOptions>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"evaluator-api-{Guid.NewGuid():N}.db");

    /// <summary>Settings on top of the defaults; subclasses lower limits to test them.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Evaluator", $"Data Source={DatabasePath}");
        builder.UseSetting("Rubrics:Path", TestPaths.Rubrics);
        builder.UseSetting("Api:RateLimitPermits", "100000");
        builder.UseSetting("Webhooks:FirstRetryDelaySeconds", "0.05");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A client that sends a new key of this organisation and role.</summary>
    public async Task<HttpClient> ClientForAsync(string organisation, string role = Roles.Coach)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, await CreateKeyAsync(organisation, role));
        return client;
    }

    public async Task<string> CreateKeyAsync(string organisation, string role)
    {
        using var scope = Services.CreateScope();
        var (_, key) = await ApiKeys.CreateAsync(scope.ServiceProvider.GetRequiredService<EvaluatorDb>(), organisation, role);
        return key;
    }

    /// <summary>
    /// A real SignalR connection (long polling over the test server) to the interview hub. The key, if any, goes in
    /// X-Api-Key, or as the access token as the browser page sends it (a bearer header on long polling).
    /// </summary>
    public async Task<HubConnection> ConnectInterviewAsync(string? key, bool asAccessToken = false)
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/interview"), HttpTransportType.LongPolling, o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (key is null) return;
                if (asAccessToken) o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                else o.Headers[ApiKeys.Header] = key;
            })
            .AddJsonProtocol(o => EvaluatorJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public T InDatabase<T>(Func<EvaluatorDb, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<EvaluatorDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}

/// <summary>Reading API responses the way a client would.</summary>
public static class ApiResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(EvaluatorJson.Options)).Clone();

    /// <summary>Asserts the status and that the body is a ProblemDetails with that status.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>
    /// Reads a list page by page, following each Link rel="next" as a client would (bounded: 100 pages); the ids of
    /// each page's items, in the order given.
    /// </summary>
    public static async Task<List<List<string>>> PagesAsync(this HttpClient client, string firstPage)
    {
        var pages = new List<List<string>>();
        for (var url = firstPage; url is not null && pages.Count < 100;)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            pages.Add([.. (await response.JsonAsync()).EnumerateArray().Select(item => item.GetProperty("id").GetString()!)]);
            url = response.Headers.TryGetValues("Link", out var links)
                ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value
                : null;
        }
        return pages;
    }

    /// <summary>Polls the batch until it is completed (bounded: 60 s).</summary>
    public static async Task<JsonElement> WaitForBatchAsync(this HttpClient client, string batchId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var batch = await (await client.GetAsync($"/api/batches/{batchId}")).JsonAsync();
            if (batch.GetProperty("status").GetString() == "completed") return batch;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Batch {batchId} did not complete: {batch}");
            await Task.Delay(50);
        }
    }
}
