using System.Text;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Api;

/// <summary>
/// A stored batch picked up again by the worker (after a restart or a failed write) is graded where it stopped: only
/// its pending items, with the rubric revisions they were submitted with. These tests store batches by hand, as a
/// stopped run leaves them, and queue them as a start does.
/// </summary>
public class BatchResumeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Organisation = "resume";

    [Fact]
    public async Task Stored_batch_is_graded_where_it_stopped_and_keeps_the_results_it_had()
    {
        // Arrange: three answers, the second graded before the stop.
        factory.StorePending("b_resume", Organisation, 3);
        factory.StoreEarlierResult("b_resume", 2);

        // Act
        var done = await ResumeAsync("b_resume");

        // Assert: the other two graded, the stored result kept, no answer left.
        Assert.Equal(3, done.GetProperty("counts").GetProperty("graded").GetInt32());
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_resume").OrderBy(i => i.Position).ToList());
        Assert.Equal(StoredBatches.EarlierResult, Encoding.UTF8.GetString(items[1].Result!));
        Assert.All([items[0], items[2]], i => Assert.Equal(i.ItemId, Evaluation(i).GetProperty("id").GetString()));
        Assert.All(items, i => Assert.Null(i.Answer));
    }

    [Fact]
    public async Task Stored_batch_is_graded_with_the_rubric_revision_it_was_submitted_with()
    {
        // Arrange: submitted against revision 1 of the organisation's rubric; revision 2 came in before it was picked up.
        using var admin = await factory.ClientForAsync(Organisation, Roles.Admin);
        await admin.PutAsync("/api/rubrics/resume-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("resume-feed", "1")));
        await admin.PutAsync("/api/rubrics/resume-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("resume-feed", "2")));
        factory.StorePending("b_resume_revision", Organisation, 2, "resume-feed", revision: 1);

        // Act
        await ResumeAsync("b_resume_revision");

        // Assert
        var items = factory.InDatabase(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == "b_resume_revision").ToList());
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("1", Evaluation(i).GetProperty("rubricVersion").GetString()));
    }

    private async Task<JsonElement> ResumeAsync(string batchId)
    {
        factory.Services.GetRequiredService<PendingBatches>().Enqueue(batchId);
        using var client = await factory.ClientForAsync(Organisation);
        return await client.WaitForBatchAsync(batchId);
    }

    private static JsonElement Evaluation(BatchItem item) => JsonDocument.Parse(item.Result!).RootElement;
}
