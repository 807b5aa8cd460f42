using System.Buffers;

namespace Evaluator.Batches;

/// <summary>
/// The rows of batches graded in this process (<see cref="HeldResults"/>), from the start of their grading until their
/// first download. Read back from the database, a batch's results came out of the write-ahead log just after being
/// written: a client following a batch read each commit back (5.4 MB per 1,000 answers, a query per commit, beside the
/// grading), and a coach downloading as soon as the status said completed spent most of 11 ms on that read. The
/// database stays the record: a batch not held here, or downloaded before, is read from there, and the same bytes come
/// out either way. Results live in <see cref="ResultArena"/>s whose chunks come from, and go back to, this instance's
/// pool. Bounded once completed: at most <see cref="MaxBatches"/> batches and <see cref="MaxBytes"/>, none older than
/// <see cref="MaxAge"/>; a batch still being graded (the worker grades one at a time) stays until it completes.
/// </summary>
public sealed class ResultsInMemory(TimeProvider time)
{
    public const int MaxBatches = 8;
    public const long MaxBytes = 64L * 1024 * 1024;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Holds on to at most <see cref="MaxBytes"/> of free chunks between batches.</summary>
    private readonly ArrayPool<byte> chunks = ArrayPool<byte>.Create(ResultArena.ChunkSize, (int)(MaxBytes / ResultArena.ChunkSize));

    private readonly Lock gate = new();
    private readonly List<Entry> entries = []; // in the order they were completed, running ones anywhere
    private long completedBytes;

    /// <summary>A batch held here; CompletedAt and Bytes are set once it completes.</summary>
    private sealed class Entry(string batchId, HeldResults results)
    {
        public string BatchId { get; } = batchId;
        public HeldResults Results { get; } = results;
        public long? CompletedAt { get; set; }
        public long Bytes { get; set; }
    }

    /// <summary>
    /// Holds a batch whose grading starts: a slot for each of its items, by position. Returned with the caller's
    /// reference (the worker's); this instance holds another.
    /// </summary>
    internal HeldResults Start(string batchId, IEnumerable<int> positions)
    {
        var results = new HeldResults(positions, new ResultArena(chunks));
        results.TryAcquire();
        lock (gate)
        {
            Remove(batchId);
            entries.Add(new Entry(batchId, results));
        }
        return results;
    }

    /// <summary>The batch's rows with a reference for the caller, who releases it when done; null when not held here.</summary>
    public HeldResults? Open(string batchId)
    {
        lock (gate)
        {
            Trim();
            return Find(batchId) is { } entry && entry.Results.TryAcquire() ? entry.Results : null;
        }
    }

    /// <summary>
    /// The batch is completed in the database: held for its first download if every row is here (and it fits the
    /// budget), else dropped.
    /// </summary>
    internal void Complete(string batchId, HeldResults results)
    {
        results.MarkCompleted();
        lock (gate)
        {
            if (Find(batchId) is not { } entry || entry.Results != results) return;
            if (!results.Completed || results.Bytes > MaxBytes)
            {
                Remove(batchId);
                return;
            }
            entries.Remove(entry);
            entries.Add(entry);
            entry.CompletedAt = time.GetTimestamp();
            entry.Bytes = results.Bytes;
            completedBytes += entry.Bytes;
            Trim();
        }
    }

    /// <summary>The worker stopped filling the batch's rows: readers go back to the database, and it is no longer held.</summary>
    internal void Abandon(string batchId, HeldResults results)
    {
        results.Abandon();
        lock (gate)
            if (Find(batchId)?.Results == results) Remove(batchId);
    }

    /// <summary>A download has sent every row of the completed batch: later ones read the database.</summary>
    public void Downloaded(string batchId)
    {
        lock (gate) Remove(batchId);
    }

    private Entry? Find(string batchId) => entries.Find(e => e.BatchId == batchId);

    private void Remove(string batchId)
    {
        if (Find(batchId) is not { } entry) return;
        entries.Remove(entry);
        completedBytes -= entry.Bytes;
        entry.Results.Release();
    }

    /// <summary>Drops the oldest completed batches past the bounds; readers holding them keep theirs until they let go.</summary>
    private void Trim()
    {
        var now = time.GetTimestamp();
        while (entries.Find(e => e.CompletedAt is not null) is { } oldest
               && (entries.Count(e => e.CompletedAt is not null) > MaxBatches || completedBytes > MaxBytes
                   || time.GetElapsedTime(oldest.CompletedAt!.Value, now) > MaxAge))
            Remove(oldest.BatchId);
    }
}
