using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Data;
using Evaluator.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Api;

/// <summary>
/// A submission hands its answers to the worker before it has stored them, so grading and storing overlap.
/// These tests play the submission's part by hand, to hold the storing back.
/// </summary>
public class BatchHandoverTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Organisation = "handover";

    [Fact]
    public async Task Handed_over_answers_are_written_only_once_their_rows_are_stored()
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(HandOver("b_stored_late", 3, stored.Task));
        // Three answers are graded in milliseconds: by now they wait for their rows.
        await Task.Delay(500);

        factory.StorePending("b_stored_late", Organisation, 3);
        stored.SetResult(true);

        using var client = await factory.ClientForAsync(Organisation);
        await client.WaitForBatchAsync("b_stored_late");
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_stored_late").ToList());
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(ItemState.Graded, i.State));
        Assert.All(items, i => Assert.NotEmpty(i.Result!));
    }

    [Fact]
    public async Task Handed_over_batch_whose_storing_failed_gets_no_results_and_the_next_one_is_graded()
    {
        // Arrange: the rows are there, but the submission reports that storing them failed (a commit may fail late).
        factory.StorePending("b_not_stored", Organisation, 3);
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(HandOver("b_not_stored", 3, stored.Task));

        // Act: the worker takes batches one at a time, so once the next one is done this one has been dealt with.
        stored.SetResult(false);
        using var client = await factory.ClientForAsync(Organisation);
        var accepted = await (await client.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(2)))).JsonAsync();
        var next = await client.WaitForBatchAsync(accepted.GetProperty("batch").GetProperty("id").GetString()!);

        // Assert
        Assert.Equal(2, next.GetProperty("counts").GetProperty("graded").GetInt32());
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_not_stored").ToList());
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(ItemState.Pending, i.State));
        Assert.All(items, i => Assert.Null(i.Result));
        Assert.Equal(BatchState.Queued, factory.InDatabase(db => db.Batches.AsNoTracking().Single(b => b.Id == "b_not_stored").State));
    }

    [Fact]
    public async Task A_result_already_stored_is_kept_when_its_item_is_graded_again()
    {
        // Arrange: the batch is stored with item 2's result already in (an earlier run wrote it), then all three are graded.
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(HandOver("b_graded_twice", 3, stored.Task));
        factory.StorePending("b_graded_twice", Organisation, 3);
        factory.StoreEarlierResult("b_graded_twice", 2);

        // Act
        stored.SetResult(true);
        using var client = await factory.ClientForAsync(Organisation);
        await client.WaitForBatchAsync("b_graded_twice");
        var results = await client.GetStringAsync("/api/batches/b_graded_twice/results");

        // Assert: stored once each; the download sends the stored result, not the one graded again.
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_graded_twice").OrderBy(i => i.Position).ToList());
        Assert.All(items, i => Assert.Equal(ItemState.Graded, i.State));
        Assert.Equal(StoredBatches.EarlierResult, Encoding.UTF8.GetString(items[1].Result!));
        Assert.Equal(["a-1", "stored-before", "a-3"], results.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
    }

    private bool HandOver(string batchId, int count, Task<bool> stored)
    {
        var rubric = factory.Services.GetRequiredService<RubricSet>().Get(TestAnswers.Case);
        var work = new GradingWork(Enumerable.Range(1, count).Select(i => new BatchWork(i, $"a-{i}", TestAnswers.Case, TestAnswers.Strong, null)).ToArray());
        return factory.Services.GetRequiredService<PendingBatches>().TryHandOver(batchId, new BatchHandover(
            work, [.. Enumerable.Range(1, count)], new Dictionary<(string, int?), CaseRubric?> { [(TestAnswers.Case, null)] = rubric }, "local", [], stored));
    }
}
