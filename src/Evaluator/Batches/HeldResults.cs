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

    /// <summary>A slot for each item of the batch, all pending; one reference, the caller's.</summary>
    internal HeldResults(IEnumerable<int> positions, ResultArena arena)
    {
        this.arena = arena;
        this.positions = [.. positions.Order()];
        rows = new ResultRow?[this.positions.Length];
    }

    /// <summary>Completed in the database, every row here: readers have all of it.</summary>
    public bool Completed => completed;

    /// <summary>No longer filled (the worker stopped or found a row stored before): readers go back to the database.</summary>
    public bool Abandoned => abandoned;

    internal bool Full => Volatile.Read(ref filled) == rows.Length;

    /// <summary>What a row costs besides its result bytes (the record and its strings), roughly.</summary>
    private const long RowOverhead = 128;

    /// <summary>What it holds: the results' chunks and the rows.</summary>
    internal long Bytes => arena.Bytes + rows.Length * RowOverhead;

    /// <summary>
    /// The rows after <paramref name="position"/> up to the first item still pending, in position order. Safe while
    /// the worker adds rows: a row is visible only once whole.
    /// </summary>
    public IEnumerable<ResultRow> After(int position)
    {
        var next = Array.BinarySearch(positions, position);
        for (var i = next >= 0 ? next + 1 : ~next; i < rows.Length && Volatile.Read(ref rows[i]) is { } row; i++) yield return row;
    }

    /// <summary>
    /// Adds a committed row, its result copied into the arena. Rows with a result come from one writer (the batch's
    /// writer: the arena takes one); the worker adds the rejected lines, which have none, beside it.
    /// </summary>
    internal void Add(ResultRow row)
    {
        var slot = Array.BinarySearch(positions, row.Position);
        if (slot < 0 || Volatile.Read(ref rows[slot]) is not null) throw NoEmptySlot(row);
        var held = row.Result is { } result ? row with { Result = arena.Copy(result.Span) } : row;
        if (Interlocked.CompareExchange(ref rows[slot], held, null) is not null) throw NoEmptySlot(row);
        Interlocked.Increment(ref filled);
    }

    private static InvalidOperationException NoEmptySlot(ResultRow row) => new($"Item {row.Position} has no empty slot here.");

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
