using System.Threading.Channels;
using Evaluator.Rubrics;

namespace Evaluator.Batches;

/// <summary>One answer of a batch as the worker grades it.</summary>
internal sealed record BatchWork(int Position, string ItemId, string CaseId, string Answer, int? Revision);

/// <summary>
/// A submission's answers handed straight to the worker, added to Work as the submission reads them, with the rubrics
/// and scorer they are graded with. Positions are every item of the batch (answers and rejected lines alike), known
/// before the first answer is read; Rejected, the lines stored as failed, is whole once Stored finishes true (the
/// batch and its items are committed); Stored finishes false if they never were.
/// </summary>
internal sealed record BatchHandover(
    GradingWork Work, int[] Positions, IReadOnlyDictionary<(string CaseId, int? Revision), CaseRubric?> Rubrics, string Scorer,
    IReadOnlyList<ResultRow> Rejected, Task<bool> Stored);

/// <summary>A batch to grade, with its answers when its submission handed them over (else the worker reads them).</summary>
internal sealed record PendingBatch(string Id, BatchHandover? Handover);

/// <summary>
/// Wakes the worker for a batch id; the database, not this queue, is the record of what is left. A fresh
/// submission hands its answers over before it has stored them, so grading starts while the rows are written;
/// only a few waiting batches keep theirs in memory (<see cref="MaxHeld"/>), the rest are read when their turn comes.
/// </summary>
public sealed class PendingBatches
{
    private const int MaxHeld = 4;
    private readonly Channel<PendingBatch> channel = Channel.CreateUnbounded<PendingBatch>(new() { SingleReader = true });
    private int held;

    /// <summary>Queues a stored batch; the worker reads its pending items.</summary>
    public void Enqueue(string batchId) => channel.Writer.TryWrite(new(batchId, null));

    /// <summary>
    /// Queues a batch whose rows are being stored, with all its answers pending. False when too many batches already
    /// wait with theirs: then nothing is queued, and the caller queues the id once the batch is stored.
    /// </summary>
    internal bool TryHandOver(string batchId, BatchHandover handover)
    {
        if (Interlocked.Increment(ref held) > MaxHeld)
        {
            Interlocked.Decrement(ref held);
            return false;
        }
        channel.Writer.TryWrite(new(batchId, handover));
        return true;
    }

    internal async IAsyncEnumerable<PendingBatch> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Handover is not null) Interlocked.Decrement(ref held);
            yield return batch;
        }
    }
}
