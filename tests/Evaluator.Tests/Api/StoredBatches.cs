using System.Text;
using Evaluator.Batches;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Tests.Api;

/// <summary>Batches written straight into the database, as a submission or a stopped run leaves them.</summary>
internal static class StoredBatches
{
    /// <summary>A result as an earlier run stored it: the download sends it as is.</summary>
    public const string EarlierResult = "{\"id\":\"stored-before\"}";

    /// <summary>A batch and its pending items as a submission stores them (line numbers from 1, ids a-1, a-2, ...).</summary>
    public static void StorePending(this ApiFactory factory, string batchId, string organisation, int count,
        string caseId = TestAnswers.Case, int? revision = null) => factory.InDatabase(db =>
    {
        db.Batches.Add(new Batch
        {
            Id = batchId, Organisation = organisation, InputFormat = BatchSubmission.JsonLines, Scorer = "local", Total = count,
            CreatedAt = DateTime.UtcNow, RubricsJson = "[]",
        });
        db.BatchItems.AddRange(Enumerable.Range(1, count).Select(i => new BatchItem
        {
            BatchId = batchId, Position = i, ItemId = $"a-{i}", CaseId = caseId, Answer = TestAnswers.Strong, Revision = revision,
            State = ItemState.Pending,
        }));
        return db.SaveChanges();
    });

    /// <summary>One item graded by an earlier run: <see cref="EarlierResult"/> stored, its answer dropped.</summary>
    public static void StoreEarlierResult(this ApiFactory factory, string batchId, int position) => factory.InDatabase(db =>
        db.BatchItems.Where(i => i.BatchId == batchId && i.Position == position)
            .ExecuteUpdate(i => i.SetProperty(x => x.State, ItemState.Graded).SetProperty(x => x.Answer, (string?)null)
                .SetProperty(x => x.Result, Encoding.UTF8.GetBytes(EarlierResult))));
}
