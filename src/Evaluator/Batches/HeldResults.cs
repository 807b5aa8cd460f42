namespace Evaluator.Batches;

/// <summary>
/// The rows of a batch graded in this process, held in memory while it is graded and until its first download (see
/// <see cref="ResultsInMemory"/>). The worker adds each row once it is committed, so what is here is what the database
/// holds. Every item of the batch has a slot, in position order, and rows are read up to the first one still pending,
/// as from the database. Shared: the worker fills it while readers read, each holding a reference; the results'
/// chunks go back to the pool when the last reference is let go, so nothing read from here may be used after
/// <see cref="Release"/>.
/// </summary>
public sealed class HeldResults
{
    /// <summary>Every item's position, ascending.</summary>
    private readonly int[] positions;

    /// <summary>Each position's row once committed; null while pending.</summary>
    private readonly ResultRow?[] rows;

    private readonly ResultArena arena;
    private int references = 1;
    private int filled;
    private volatile bool completed;
    private volatile bool abandoned;

    /// <summary>The batch's pending items and its rows already final (lines rejected at submission); one reference, the caller's.</summary>
    internal HeldResults(IEnumerable<int> pending, IReadOnlyList<ResultRow> done, ResultArena arena)
    {
        this.arena = arena;
        positions = [.. pending.Concat(done.Select(r => r.Position)).Order()];
        rows = new ResultRow?[positions.Length];
        foreach (var row in done) Add(row);
    }

    /// <summary>Completed in the database, every row here: readers have all of it.</summary>
    public bool Completed => completed;

    /// <summary>No longer filled (the worker stopped or found a row stored before): readers go back to the database.</summary>
    public bool Abandoned => abandoned;

    internal bool Full => filled == rows.Length;

    /// <summary>What it holds: the results' chunks and, roughly, the rows.</summary>
    internal long Bytes => arena.Bytes + rows.Length * 128L;

    /// <summary>
    /// The rows after <paramref name="position"/> up to the first item still pending, in position order. Safe while
    /// the worker adds rows: a row is visible only once whole.
    /// </summary>
    public IEnumerable<ResultRow> After(int position)
    {
        var next = Array.BinarySearch(positions, position);
        for (var i = next >= 0 ? next + 1 : ~next; i < rows.Length && Volatile.Read(ref rows[i]) is { } row; i++) yield return row;
    }

    /// <summary>Adds a committed row, its result copied into the arena. The worker's alone: one writer.</summary>
    internal void Add(ResultRow row)
    {
        var slot = Array.BinarySearch(positions, row.Position);
        if (slot < 0 || rows[slot] is not null) throw new InvalidOperationException($"Item {row.Position} has no empty slot here.");
        Volatile.Write(ref rows[slot], row.Result is { } result ? row with { Result = arena.Copy(result.Span) } : row);
        filled++;
    }

    internal void MarkCompleted() => completed = Full;

    internal void Abandon() => abandoned = true;

    /// <summary>Another reference; false once the last one is gone (the rows may no longer be read).</summary>
    internal bool TryAcquire()
    {
        for (var count = Volatile.Read(ref references); count > 0; count = Volatile.Read(ref references))
            if (Interlocked.CompareExchange(ref references, count + 1, count) == count) return true;
        return false;
    }

    /// <summary>Lets one reference go; the last one gives the chunks back.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0) arena.Dispose();
    }
}
