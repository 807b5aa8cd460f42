using Evaluator.Batches;
using Evaluator.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Evaluator.Tests.Api;

/// <summary>Retries a failed batch after a tenth of a second (the default is five seconds) and keeps the server's log.</summary>
public sealed class QuickBatchRetryFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Batches:FirstRetryDelaySeconds"] = "0.1",
    };

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }

    /// <summary>Waits until the worker has logged this many failures of the batch (bounded: 30 s).</summary>
    public async Task WaitForFailuresAsync(string batchId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Logs.GetSnapshot().Count(r => r.Category == typeof(BatchWorker).FullName && r.Level == LogLevel.Error
                   && r.Message.Contains(batchId, StringComparison.Ordinal)) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Batch {batchId} did not fail {count} times.");
            await Task.Delay(20);
        }
    }
}

public class BatchRetryTests(QuickBatchRetryFactory factory) : IClassFixture<QuickBatchRetryFactory>
{
    [Fact]
    public async Task Batch_whose_results_cannot_be_stored_completes_once_the_database_takes_them_again()
    {
        // Arrange: a real SQLite trigger refuses every result of these items, as a full disk would.
        factory.InDatabase(db => db.Database.ExecuteSqlRaw("""
            CREATE TRIGGER refuse_retry_results BEFORE UPDATE OF "Result" ON "BatchItems"
            WHEN NEW."ItemId" LIKE 'retry-%' BEGIN SELECT RAISE(ABORT, 'disk full'); END;
            """));
        using var client = await factory.ClientForAsync("retries");
        var body = string.Concat(Enumerable.Range(1, 3).Select(i => TestAnswers.Line($"retry-{i}", TestAnswers.Case, TestAnswers.Strong) + "\n"));
        var id = (await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(body))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;

        // Act: the batch fails twice without a restart (so it was retried), then the database takes writes again.
        await factory.WaitForFailuresAsync(id, 2);
        var whileRefused = await (await client.GetAsync($"/api/batches/{id}")).JsonAsync();
        factory.InDatabase(db => db.Database.ExecuteSqlRaw("DROP TRIGGER refuse_retry_results;"));
        var done = await client.WaitForBatchAsync(id);

        // Assert: nothing was stored while refused; afterwards every answer is graded once, without a restart.
        Assert.NotEqual("completed", whileRefused.GetProperty("status").GetString());
        Assert.Equal(0, whileRefused.GetProperty("counts").GetProperty("graded").GetInt32());
        Assert.Equal(3, done.GetProperty("counts").GetProperty("graded").GetInt32());
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == id).ToList());
        Assert.All(items, i => Assert.Equal(ItemState.Graded, i.State));
        Assert.All(items, i => Assert.NotEmpty(i.Result!));
    }
}
