using System.Buffers;

namespace Evaluator.Batches;

/// <summary>
/// A batch's committed results copied end to end into large pooled chunks, for <see cref="ResultsInMemory"/> to hold
/// while the batch is graded and until its first download. As an array each, 5.4 MB of results per 1,000 answers lived from grading to download,
/// through two or three collections: the GC copied them into older generations and then had to collect those (a
/// gen1 collection every few batches, a background gen2 every dozen). In chunks reused batch after batch, the
/// per-answer arrays die young and what is kept is never copied. One writer fills it; copies never move, so what it
/// has handed out may be read meanwhile.
/// Dispose returns the chunks; nothing read from the arena may be used after that.
/// </summary>
public sealed class ResultArena(ArrayPool<byte> pool) : IDisposable
{
    /// <summary>The size of a chunk: a few hundred results each.</summary>
    public const int ChunkSize = 1024 * 1024;

    private readonly List<byte[]> chunks = [];
    private int used = ChunkSize; // nothing rented yet: the first copy starts a chunk
    private bool disposed;

    /// <summary>Bytes this arena holds: its chunks, and the rare result too large for one.</summary>
    public long Bytes { get; private set; }

    /// <summary>A copy of <paramref name="bytes"/> in the arena.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (bytes.Length > ChunkSize)
        {
            Bytes += bytes.Length;
            return bytes.ToArray();
        }
        if (ChunkSize - used < bytes.Length)
        {
            chunks.Add(pool.Rent(ChunkSize));
            Bytes += ChunkSize;
            used = 0;
        }
        var chunk = chunks[^1];
        bytes.CopyTo(chunk.AsSpan(used));
        var copy = chunk.AsMemory(used, bytes.Length);
        used += bytes.Length;
        return copy;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var chunk in chunks) pool.Return(chunk);
        chunks.Clear();
    }
}
