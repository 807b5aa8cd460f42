using System.Text.Json.Serialization;
using Evaluator.Data;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Batches;

/// <summary>How far a batch has got, counted from its item rows.</summary>
public sealed record BatchCounts(int Total, int Graded, int Failed, int Pending)
{
    [JsonIgnore]
    public double Progress => Total == 0 ? 1 : Math.Round((double)(Graded + Failed) / Total, 4);

    public static async Task<BatchCounts> CountAsync(EvaluatorDb db, Batch batch, CancellationToken cancellationToken = default)
    {
        var byState = await db.BatchItems.Where(i => i.BatchId == batch.Id)
            .GroupBy(i => i.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken).ConfigureAwait(false);
        return new(batch.Total, byState.GetValueOrDefault(ItemState.Graded), byState.GetValueOrDefault(ItemState.Failed),
            byState.GetValueOrDefault(ItemState.Pending));
    }

    /// <summary>
    /// The batches with their counts in one query: two correlated counts over the (BatchId, State) index, pending
    /// being the rest (every item is in exactly one state). Cheap enough for clients that poll.
    /// </summary>
    public static IQueryable<CountedBatch> WithCounts(EvaluatorDb db, IQueryable<Batch> batches) =>
        batches.Select(b => new CountedBatch(b,
            db.BatchItems.Count(i => i.BatchId == b.Id && i.State == ItemState.Graded),
            db.BatchItems.Count(i => i.BatchId == b.Id && i.State == ItemState.Failed)));
}

/// <summary>A batch row and how many of its items are graded and failed.</summary>
public sealed record CountedBatch(Batch Batch, int Graded, int Failed)
{
    public BatchCounts Counts => new(Batch.Total, Graded, Failed, Batch.Total - Graded - Failed);
}
