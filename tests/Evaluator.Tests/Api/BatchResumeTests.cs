using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Json;
using Evaluator.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Api;

/// <summary>
/// A stored batch picked up again by the worker (after a restart or a failed write) is graded from the answers stored
/// with it: only the items without a result, with the rubrics it was submitted with. These tests store batches by hand,
/// as a stopped run leaves them, and queue them as a start does.
/// </summary>
public class BatchResumeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Organisation = "resume";
    private const string StoredResult = "{\"id\":\"stored-before\"}";

    [Theory]
    [InlineData(BatchSubmission.JsonLines)]
    [InlineData(BatchSubmission.JsonArray)]
    public async Task Stored_batch_is_graded_from_its_answers_and_keeps_the_results_it_had(string format)
    {
        // Arrange: three answers, the second already graded before the stop.
        var id = $"b_resume_{format}";
        var answers = Enumerable.Range(1, 3).Select(i => TestAnswers.Line($"a-{i}", TestAnswers.Case, TestAnswers.Strong)).ToList();
        var body = format == BatchSubmission.JsonLines ? string.Join("\n", answers) : $"[{string.Join(",", answers)}]";
        int[] positions = format == BatchSubmission.JsonLines ? [1, 2, 3] : [0, 1, 2];
        Store(id, format, body, positions, Uses(new RubricUse(TestAnswers.Case, "built-in", null, "1")));
        factory.InDatabase(db =>
        {
            db.BatchItems.Add(new BatchItem
            {
                BatchId = id, Position = positions[1], ItemId = "a-2", CaseId = TestAnswers.Case, State = ItemState.Graded,
                Result = Encoding.UTF8.GetBytes(StoredResult),
            });
            return db.SaveChanges();
        });

        // Act
        var done = await ResumeAsync(id);

        // Assert: the other two graded, the stored result kept, the answers dropped.
        Assert.Equal(3, done.GetProperty("counts").GetProperty("graded").GetInt32());
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.Position).ToList());
        Assert.Equal(positions, items.Select(i => i.Position));
        Assert.Equal(StoredResult, Encoding.UTF8.GetString(items[1].Result!));
        Assert.All([items[0], items[2]], i => Assert.Equal(i.ItemId, Evaluation(i).GetProperty("id").GetString()));
        Assert.False(factory.InDatabase(db => db.BatchAnswers.Any(a => a.BatchId == id)), "the batch's answers are still stored");
    }

    [Fact]
    public async Task Stored_batch_is_graded_with_the_rubric_revision_it_was_submitted_with()
    {
        // Arrange: submitted against revision 1 of the organisation's rubric; revision 2 came in before it was picked up.
        using var admin = await factory.ClientForAsync(Organisation, Roles.Admin);
        await admin.PutAsync("/api/rubrics/resume-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("resume-feed", "1")));
        await admin.PutAsync("/api/rubrics/resume-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("resume-feed", "2")));
        Store("b_resume_revision", BatchSubmission.JsonLines, TestAnswers.JsonLines(2, "resume-feed"), [1, 2],
            Uses(new RubricUse("resume-feed", "organisation", 1, "1")));

        // Act
        await ResumeAsync("b_resume_revision");

        // Assert
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_resume_revision").ToList());
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("1", Evaluation(i).GetProperty("rubricVersion").GetString()));
    }

    [Fact]
    public async Task Batch_stored_by_an_earlier_version_with_pending_rows_is_still_graded()
    {
        // Arrange: an earlier version stored each answer in a pending item row, and no answers of the batch's own.
        factory.InDatabase(db =>
        {
            db.Batches.Add(NewBatch("b_resume_rows", BatchSubmission.JsonLines, total: 2, "[]"));
            db.BatchItems.AddRange(Enumerable.Range(1, 2).Select(i => new BatchItem
            {
                BatchId = "b_resume_rows", Position = i, ItemId = $"a-{i}", CaseId = TestAnswers.Case, Answer = TestAnswers.Strong,
                State = ItemState.Pending,
            }));
            return db.SaveChanges();
        });

        // Act
        var done = await ResumeAsync("b_resume_rows");

        // Assert
        Assert.Equal(2, done.GetProperty("counts").GetProperty("graded").GetInt32());
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_resume_rows").ToList());
        Assert.All(items, i => Assert.Null(i.Answer));
        Assert.All(items, i => Assert.Equal(i.ItemId, Evaluation(i).GetProperty("id").GetString()));
    }

    private async Task<JsonElement> ResumeAsync(string batchId)
    {
        factory.Services.GetRequiredService<PendingBatches>().Enqueue(batchId);
        using var client = await factory.ClientForAsync(Organisation);
        return await client.WaitForBatchAsync(batchId);
    }

    private void Store(string batchId, string format, string body, int[] positions, string rubricsJson) => factory.InDatabase(db =>
    {
        db.Batches.Add(NewBatch(batchId, format, positions.Length, rubricsJson));
        db.BatchAnswers.Add(new BatchAnswers { BatchId = batchId, Body = Encoding.UTF8.GetBytes(body), Positions = BatchAnswers.EncodePositions(positions) });
        return db.SaveChanges();
    });

    private static Batch NewBatch(string batchId, string format, int total, string rubricsJson) => new()
    {
        Id = batchId, Organisation = Organisation, InputFormat = format, Scorer = "local", Total = total, CreatedAt = DateTime.UtcNow,
        RubricsJson = rubricsJson,
    };

    /// <summary>The batch's record of the rubric each case was submitted with.</summary>
    private static string Uses(params RubricUse[] uses) => JsonSerializer.Serialize(uses, EvaluatorJson.Options);

    private static JsonElement Evaluation(BatchItem item) => JsonDocument.Parse(item.Result!).RootElement;
}
