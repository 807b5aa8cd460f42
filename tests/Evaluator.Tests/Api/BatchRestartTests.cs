using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Tests.Cli;
using Evaluator.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Tests.Api;

/// <summary>The real server process, killed with SIGKILL while a batch is half graded, restarted on the same database.</summary>
public class BatchRestartTests
{
    private const int Answers = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Batch_killed_mid_way_resumes_and_grades_every_item_exactly_once()
    {
        // Arrange: one grading at a time, so the batch is still running when the server dies.
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Batches:MaxConcurrency"] = "1",
            ["Api:RateLimitPermits"] = "100000",
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ApiKeys.Header, await CliRun.CreateKeyAsync(server.DatabasePath, "acme", Roles.Coach));
        var (body, lines, bad) = Body();

        // Act: submit, kill as soon as some (not all) items are graded, restart, wait for completion.
        using var submitted = await http.PostAsync("/api/batches", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.JsonAsync()).GetProperty("batch").GetProperty("id").GetString()!;
        await PollAsync(http, id, counts => counts.Graded > 0);
        var gradedBeforeKill = GradedItems(server.DatabasePath, id);
        server.Kill();
        await server.RestartAsync();
        var done = await PollAsync(http, id, counts => counts.Pending == 0, completed: true);
        var results = (await http.GetStringAsync($"/api/batches/{id}/results?format=jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(new BatchCounts(lines, lines - bad, bad, 0), done);
        var items = Items(server.DatabasePath, id);
        Assert.Equal(lines, items.Count);
        Assert.Equal(Enumerable.Range(1, lines), items.Select(i => i.Position));
        Assert.All(items.Where(i => i.State == ItemState.Graded), i => Assert.NotNull(i.Result));
        // An item graded before the kill kept its first result: same time, same JSON, never written again.
        Assert.InRange(gradedBeforeKill.Count, 1, lines - bad - 1);
        Assert.All(gradedBeforeKill, before =>
        {
            var after = items[before.Position - 1];
            Assert.Equal(before.GradedAt, after.GradedAt);
            Assert.Equal(before.Result, after.Result);
        });
        Assert.Equal(lines, results.Length);
        var ids = results.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("id").ToString()).ToList();
        Assert.Equal(Enumerable.Range(1, lines).Select(n => n % 500 == 0 ? $"bad-{n}" : $"a-{n}"), ids);
        Assert.Contains("--- killed ---", server.Output, StringComparison.Ordinal);
    }

    /// <summary>Devset answers repeated to 1,000 lines; every 500th line names an unknown case and fails on submission.</summary>
    private static (string Body, int Lines, int Bad) Body()
    {
        var devset = File.ReadLines(TestPaths.DevSet)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Case: e.GetProperty("case").GetString()!, Answer: e.GetProperty("answer").GetString()!))
            .ToList();
        var body = new StringBuilder();
        for (var n = 1; n <= Answers; n++)
        {
            var (caseId, answer) = devset[n % devset.Count];
            var line = n % 500 == 0
                ? new { id = $"bad-{n}", @case = "no-such-case", answer }
                : new { id = $"a-{n}", @case = caseId, answer };
            body.Append(JsonSerializer.Serialize(line, EvaluatorJson.Options)).Append('\n');
        }
        return (body.ToString(), Answers, Answers / 500);
    }

    private static async Task<BatchCounts> PollAsync(HttpClient http, string id, Func<BatchCounts, bool> until, bool completed = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var batch = await http.GetFromJsonAsync<JsonElement>($"/api/batches/{id}", EvaluatorJson.Options);
            var counts = batch.GetProperty("counts").Deserialize<BatchCounts>(EvaluatorJson.Options)!;
            if (until(counts) && (!completed || batch.GetProperty("status").GetString() == "completed")) return counts;
            if (clock.Elapsed > Bound) throw new TimeoutException($"Batch {id} did not get there in {Bound.TotalSeconds} s: {batch}");
            await Task.Delay(10);
        }
    }

    private static List<BatchItem> GradedItems(string databasePath, string batchId) =>
        [.. Items(databasePath, batchId).Where(i => i.State == ItemState.Graded)];

    /// <summary>Reads the item rows straight from the server's SQLite file (WAL lets it read while the server writes).</summary>
    private static List<BatchItem> Items(string databasePath, string batchId)
    {
        using var db = new EvaluatorDb(new DbContextOptionsBuilder<EvaluatorDb>().UseSqlite($"Data Source={databasePath}").Options);
        return [.. db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId).OrderBy(i => i.Position)];
    }
}
