using System.Buffers;
using System.Runtime.InteropServices;
using Evaluator.Batches;

namespace Evaluator.Tests.Batches;

public sealed class ResultArenaTests
{
    private readonly ArrayPool<byte> pool = ArrayPool<byte>.Create(ResultArena.ChunkSize, 4);

    [Fact]
    public void Copies_hold_their_bytes_side_by_side_in_one_chunk()
    {
        using var arena = new ResultArena(pool);

        var first = arena.Copy("{\"id\":\"a-1\"}"u8);
        var second = arena.Copy("{\"id\":\"a-2\"}"u8);

        Assert.Equal("{\"id\":\"a-1\"}"u8.ToArray(), first.ToArray());
        Assert.Equal("{\"id\":\"a-2\"}"u8.ToArray(), second.ToArray());
        Assert.Same(Chunk(first), Chunk(second));
        Assert.Equal(ResultArena.ChunkSize, arena.Bytes);
    }

    [Fact]
    public void Copy_that_does_not_fit_starts_a_new_chunk()
    {
        using var arena = new ResultArena(pool);
        var first = arena.Copy(new byte[ResultArena.ChunkSize - 10]);

        var second = arena.Copy(new byte[11]);

        Assert.NotSame(Chunk(first), Chunk(second));
        Assert.Equal(2L * ResultArena.ChunkSize, arena.Bytes);
    }

    [Fact]
    public void Result_larger_than_a_chunk_gets_an_array_of_its_own()
    {
        using var arena = new ResultArena(pool);
        var large = Enumerable.Repeat((byte)'x', ResultArena.ChunkSize + 1).ToArray();

        var copy = arena.Copy(large);

        Assert.Equal(large, copy.ToArray());
        Assert.Equal(large.Length, Chunk(copy)!.Length);
        Assert.Equal(large.Length, arena.Bytes);
    }

    [Fact]
    public void Disposed_arena_returns_its_chunks_for_the_next_one()
    {
        var arena = new ResultArena(pool);
        var chunk = Chunk(arena.Copy("a"u8));

        arena.Dispose();
        arena.Dispose();
        using var next = new ResultArena(pool);

        Assert.Same(chunk, Chunk(next.Copy("b"u8)));
        Assert.Throws<ObjectDisposedException>(() => arena.Copy("c"u8));
    }

    private static byte[]? Chunk(ReadOnlyMemory<byte> bytes) => MemoryMarshal.TryGetArray(bytes, out var segment) ? segment.Array : null;
}
