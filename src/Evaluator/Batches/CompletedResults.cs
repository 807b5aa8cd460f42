using System.Buffers;

namespace Evaluator.Batches;

/// <summary>
/// The results of a batch graded in this process, kept in memory from its completion until its first download: a
/// coach downloads as soon as the status says completed, and reading 1,000 freshly committed results back from the
/// database (5.4 MB, still in the write-ahead log) took most of that download's 11 ms. The rows are the ones
/// committed, so a download from here and one from the database are the same bytes; the database stays the record.
/// Their bytes live in a <see cref="ResultArena"/> whose chunks come from, and go back to, this instance's pool.
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

    /// <summary>Holds on to at most <see cref="MaxBytes"/> of free chunks between batches.</summary>
    private readonly ArrayPool<byte> chunks = ArrayPool<byte>.Create(ResultArena.ChunkSize, (int)(MaxBytes / ResultArena.ChunkSize));

    private readonly Lock gate = new();
    private readonly LinkedList<Kept> kept = []; // oldest first
    private long keptBytes;

    private sealed record Kept(string BatchId, KeptResults Results, long Bytes, long At);

    /// <summary>An empty arena for a batch's results, to be kept (<see cref="Keep"/>) or disposed.</summary>
    internal ResultArena NewArena() => new(chunks);

    /// <summary>
    /// Keeps a completed batch's rows, every item of it, in position order, with the arena that holds their bytes:
    /// from here on the arena is this instance's to dispose.
    /// </summary>
    internal void Keep(string batchId, IReadOnlyList<ResultRow> rows, ResultArena arena)
    {
        var results = new KeptResults(rows, arena);
        var bytes = arena.Bytes + (long)rows.Count * RowOverhead;
        if (bytes > MaxBytes)
        {
            results.Dispose();
            return;
        }
        lock (gate)
        {
            kept.AddLast(new Kept(batchId, results, bytes, time.GetTimestamp()));
            keptBytes += bytes;
            Trim();
        }
    }

    /// <summary>The batch's rows, no longer kept once taken (dispose them once written); null when they are not here.</summary>
    public KeptResults? Take(string batchId)
    {
        lock (gate)
        {
            Trim();
            for (var node = kept.First; node is not null; node = node.Next)
            {
                if (node.Value.BatchId != batchId) continue;
                kept.Remove(node);
                keptBytes -= node.Value.Bytes;
                return node.Value.Results;
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
            // Nobody else has them: only a batch not yet taken is evicted.
            oldest.Value.Results.Dispose();
        }
    }
}

/// <summary>A completed batch's rows in position order; their result bytes are gone once this is disposed.</summary>
public sealed class KeptResults(IReadOnlyList<ResultRow> rows, ResultArena arena) : IDisposable
{
    public IReadOnlyList<ResultRow> Rows { get; } = rows;

    public void Dispose() => arena.Dispose();
}
