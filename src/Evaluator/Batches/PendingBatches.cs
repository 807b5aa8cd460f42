using System.Threading.Channels;

namespace Evaluator.Batches;

/// <summary>One answer of a batch as the worker grades it.</summary>
internal sealed record BatchWork(int Position, string ItemId, string CaseId, string Answer, int? Revision);

/// <summary>A batch to grade, with its answers when the submission just stored them (else the worker reads them).</summary>
internal sealed record PendingBatch(string Id, IReadOnlyList<BatchWork>? Work);

/// <summary>
/// Wakes the worker for a batch id; the database, not this queue, is the record of what is left. A fresh
/// submission hands over the answers it just stored, so the worker need not read them back; only a few waiting
/// batches keep theirs in memory (<see cref="MaxHeld"/>), the rest are read when their turn comes.
/// </summary>
public sealed class PendingBatches
{
    private const int MaxHeld = 4;
    private readonly Channel<PendingBatch> channel = Channel.CreateUnbounded<PendingBatch>(new() { SingleReader = true });
    private int held;

    /// <summary>Queues a stored batch; the worker reads its pending items.</summary>
    public void Enqueue(string batchId) => channel.Writer.TryWrite(new(batchId, null));

    /// <summary>Queues a batch just stored with all its answers pending, handing them over while few batches wait.</summary>
    internal void Enqueue(string batchId, IReadOnlyList<BatchWork> work)
    {
        var keep = Interlocked.Increment(ref held) <= MaxHeld;
        if (!keep) Interlocked.Decrement(ref held);
        channel.Writer.TryWrite(new(batchId, keep ? work : null));
    }

    internal async IAsyncEnumerable<PendingBatch> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Work is not null) Interlocked.Decrement(ref held);
            yield return batch;
        }
    }
}
