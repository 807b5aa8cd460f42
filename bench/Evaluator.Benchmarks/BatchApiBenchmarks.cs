using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Evaluator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evaluator.Benchmarks;

/// <summary>
/// 1,000 devset answers through the HTTP API (real Kestrel on 127.0.0.1) against the same answers graded in process
/// on all cores, two ways a client may use it: submit, long-poll until done, download the JSONL results; or submit
/// and follow the results as they are graded. Target: the API's time is at most 1.25x the in-process time (its
/// throughput at least 80%).
/// </summary>
// The target is about a running server, not a cold start: GlobalSetup serves batches until the JIT has settled (see
// WarmUntilJitSettles), then BenchmarkDotNet's own warm-up and measured rounds follow.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 15)]
[MedianColumn]
public class BatchApiBenchmarks : IDisposable
{
    private const int Answers = 1000;

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"evaluator-bench-{Guid.NewGuid():N}.db");
    private WebApplication app = null!;
    private HttpClient client = null!;
    private IAnswerScorer scorer = null!;
    private List<(string Id, CaseRubric Rubric, string Answer)> answers = null!;
    private byte[] bodyBytes = null!;
    private readonly byte[] downloadBuffer = new byte[64 * 1024];

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Evaluator"] = $"Data Source={databasePath}",
            ["Rubrics:Path"] = Path.Combine(root, "rubrics"),
            ["Api:RateLimitPermits"] = "1000000",
        });
        builder.AddEvaluatorServer();
        app = builder.Build();
        app.MapEvaluatorServer();
        app.StartAsync().GetAwaiter().GetResult();

        string key;
        using (var scope = app.Services.CreateScope())
            key = ApiKeys.CreateAsync(scope.ServiceProvider.GetRequiredService<EvaluatorDb>(), "bench", Roles.Coach).GetAwaiter().GetResult().Key;
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);

        var rubrics = app.Services.GetRequiredService<RubricSet>();
        scorer = app.Services.GetRequiredService<IAnswerScorer>();
        var devset = File.ReadLines(Path.Combine(root, "..", "shared", "devset", "answers.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Case: e.GetProperty("case").GetString()!, Answer: e.GetProperty("answer").GetString()!))
            .ToList();
        answers = [.. Enumerable.Range(0, Answers).Select(i => ($"a-{i}", rubrics.Get(devset[i % devset.Count].Case), devset[i % devset.Count].Answer))];
        bodyBytes = Encoding.UTF8.GetBytes(string.Concat(answers.Select(a =>
            JsonSerializer.Serialize(new { id = a.Id, @case = a.Rubric.Id, answer = a.Answer }, EvaluatorJson.Options) + "\n")));
        WarmUntilJitSettles().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Serves batches both ways until twenty in a row spend almost no time in the JIT. Most of the server's path
    /// (Kestrel, EF Core, the endpoints, the worker's loop) runs a few times per batch, so tiered JIT takes its methods
    /// through tier 0, instrumented and optimised code only over about 150 batches: measured straight after ten
    /// rounds, the API time was mostly the JIT's background thread (a fifth of the CPU), not the server. Counting
    /// methods over ten batches stopped too early: tier-ups come in bursts, and a probe right after that point still
    /// compiled 11-14 methods (13-19 ms of JIT time) per batch for another 60 batches. Bounded at 400 batches.
    /// </summary>
    private async Task WarmUntilJitSettles()
    {
        const int Window = 20, MaxBatches = 400;
        var settled = TimeSpan.FromMilliseconds(10); // JIT time over the whole window: under 1 ms a batch
        var times = new Queue<TimeSpan>();
        for (var i = 0; i < MaxBatches; i++)
        {
            await (i % 2 == 0 ? HttpApi() : HttpApiFollowingResults());
            await InProcessScorer();
            times.Enqueue(System.Runtime.JitInfo.GetCompilationTime());
            if (times.Count > Window && times.Last() - times.Dequeue() < settled)
            {
                Console.WriteLine($"// Warm after {i + 1} batches: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled.");
                return;
            }
        }
        Console.WriteLine($"// JIT still compiling after {MaxBatches} batches; measuring anyway.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
    }

    public void Dispose()
    {
        client?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> InProcessScorer()
    {
        var graded = 0;
        await Parallel.ForEachAsync(answers, async (a, ct) =>
        {
            await scorer.ScoreAsync(a.Id, a.Rubric, a.Answer, ct);
            Interlocked.Increment(ref graded);
        });
        return graded;
    }

    /// <summary>The README's coach walkthrough: submit, wait for completion, download.</summary>
    [Benchmark]
    public async Task<int> HttpApi()
    {
        var id = await SubmitAsync();
        // Long-poll: each request returns as soon as the batch completes (or after 30 s, when it asks again).
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}?wait=30")).GetProperty("status").GetString() != "completed")
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Batch {id} did not complete.");
        return await DownloadAsync($"/api/batches/{id}/results?format=jsonl");
    }

    /// <summary>Submit, then follow the results as they are graded (one request that ends when the batch completes).</summary>
    [Benchmark]
    public async Task<int> HttpApiFollowingResults() => await DownloadAsync($"/api/batches/{await SubmitAsync()}/results?format=jsonl&follow=true");

    private async Task<string> SubmitAsync()
    {
        // The file's bytes, as a client uploading a JSONL file sends them.
        using var content = new ByteArrayContent(bodyBytes);
        content.Headers.ContentType = new("application/x-ndjson");
        using var submitted = await client.PostAsync("/api/batches", content);
        submitted.EnsureSuccessStatusCode();
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch").GetProperty("id").GetString()!;
    }

    private async Task<int> DownloadAsync(string url)
    {
        // Streamed through one buffer, as a client saving the file would; counting lines needs no decoding.
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var results = await response.Content.ReadAsStreamAsync();
        var buffer = downloadBuffer;
        var lines = 0;
        for (int read; (read = await results.ReadAsync(buffer)) > 0;) lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return lines == Answers ? lines : throw new InvalidOperationException($"Expected {Answers} result lines, got {lines}.");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Evaluator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Evaluator.sln not found above " + AppContext.BaseDirectory);
    }
}
