using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Evaluator.Server.Hosting;

/// <summary>
/// Socket memory for Kestrel in 64 KB blocks instead of its default 4 KB ones. Kestrel receives into one block at a
/// time and hands each receive to the request's reader through the thread pool, so a 2.7 MB batch body came in as
/// about 700 receives: thousands of system calls and wake-ups per batch on a machine whose cores are busy grading.
/// Blocks are pinned (a socket pins what it reads into) and reused; at most <see cref="MaxIdle"/> wait idle.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>Idle blocks kept (4 MB); blocks returned beyond that are left to the GC.</summary>
    public const int MaxIdle = 64;

    private readonly ConcurrentQueue<Block> idle = new();
    private int idleCount;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks waiting to be rented again.</summary>
    public int IdleCount => Volatile.Read(ref idleCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (!idle.TryDequeue(out var block)) return new Block(this);
        Interlocked.Decrement(ref idleCount);
        block.Rented = true;
        return block;
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref idleCount) <= MaxIdle) idle.Enqueue(block);
        else Interlocked.Decrement(ref idleCount);
    }

    protected override void Dispose(bool disposing) => idle.Clear();

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public bool Rented { get; set; } = true;

        public Memory<byte> Memory => array;

        public void Dispose()
        {
            // Back once, however often it is disposed: twice in the idle queue, it would go to two renters.
            if (!Rented) return;
            Rented = false;
            pool.Return(this);
        }
    }
}

public static class LargeSocketBlocks
{
    /// <summary>
    /// Kestrel's socket transport takes its memory pools from this factory (ASP.NET Core 10 registers its own with
    /// TryAdd, so the one added here is the one it gets).
    /// </summary>
    public static IServiceCollection AddLargeSocketBlocks(this IServiceCollection services) =>
        services.AddSingleton<IMemoryPoolFactory<byte>, Factory>();

    private sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
    }
}
