namespace Evaluator.Batches;

/// <summary>
/// The results of a batch graded in this process, kept in memory from its completion until its first download: a
/// coach downloads as soon as the status says completed, and reading 1,000 freshly committed results back from the
/// database (5.4 MB, still in the write-ahead log) took most of that download's 11 ms. The rows are the ones
/// committed, so a download from here and one from the database are the same bytes; the database stays the record.
/// Bounded: at most <see cref="MaxBatches"/> batches and <see cref="MaxBytes"/> of results, none older than
/// <see cref="MaxAge"/>; a batch not kept here (or downloaded before) is read from the database.
/// </summary>
public sealed class CompletedResults(TimeProvider time)
{
    public const int MaxBatches = 8;
    public const long MaxBytes = 64L * 1024 * 1024;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>What a row costs besides its result bytes (the record and its strings), roughly.</summary>
    private const int RowOverhead = 128;

    private readonly Lock gate = new();
    private readonly LinkedList<Kept> kept = []; // oldest first
    private long keptBytes;

    private sealed record Kept(string BatchId, IReadOnlyList<ResultRow> Rows, long Bytes, long At);

    /// <summary>Keeps a completed batch's rows, every item of it, in position order.</summary>
    internal void Keep(string batchId, IReadOnlyList<ResultRow> rows)
    {
        var bytes = rows.Sum(r => (long)(r.Result?.Length ?? 0) + RowOverhead);
        if (bytes > MaxBytes) return;
        lock (gate)
        {
            kept.AddLast(new Kept(batchId, rows, bytes, time.GetTimestamp()));
            keptBytes += bytes;
            Trim();
        }
    }

    /// <summary>The batch's rows in position order, no longer kept once taken; null when they are not here.</summary>
    public IReadOnlyList<ResultRow>? Take(string batchId)
    {
        lock (gate)
        {
            Trim();
            for (var node = kept.First; node is not null; node = node.Next)
            {
                if (node.Value.BatchId != batchId) continue;
                kept.Remove(node);
                keptBytes -= node.Value.Bytes;
                return node.Value.Rows;
            }
            return null;
        }
    }

    private void Trim()
    {
        var now = time.GetTimestamp();
        while (kept.First is { } oldest
               && (kept.Count > MaxBatches || keptBytes > MaxBytes || time.GetElapsedTime(oldest.Value.At, now) > MaxAge))
        {
            kept.RemoveFirst();
            keptBytes -= oldest.Value.Bytes;
        }
    }
}
