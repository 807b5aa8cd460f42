using System.IO.Pipelines;
using System.Net.Http.Json;
using Evaluator.Server.Hosting;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evaluator.Tests.Hosting;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void A_returned_block_is_the_next_one_rented()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        var memory = first.Memory;

        first.Dispose();
        using var second = pool.Rent();

        Assert.Equal(LargeBlockMemoryPool.BlockSize, memory.Length);
        Assert.True(second.Memory.Span.Overlaps(memory.Span));
    }

    [Fact]
    public void A_block_disposed_twice_goes_to_one_renter_only()
    {
        using var pool = new LargeBlockMemoryPool();
        var block = pool.Rent();

        block.Dispose();
        block.Dispose();
        using var first = pool.Rent();
        using var second = pool.Rent();

        Assert.False(first.Memory.Span.Overlaps(second.Memory.Span));
    }

    [Fact]
    public void Idle_blocks_beyond_the_cap_are_not_kept()
    {
        using var pool = new LargeBlockMemoryPool();
        var blocks = Enumerable.Range(0, LargeBlockMemoryPool.MaxIdle + 10).Select(_ => pool.Rent()).ToList();

        foreach (var block in blocks) block.Dispose();

        Assert.Equal(LargeBlockMemoryPool.MaxIdle, pool.IdleCount);
    }

    [Fact]
    public void More_than_a_block_is_refused()
    {
        using var pool = new LargeBlockMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public async Task Kestrel_with_large_socket_blocks_reads_request_bodies_in_pieces_over_4_KB()
    {
        // Arrange: a real Kestrel on 127.0.0.1 set up as the server sets it up; the endpoint reports the largest piece it read.
        var (app, baseUrl) = await LoopbackApp.StartAsync(
            app => app.MapPost("/body", async (HttpRequest request) => TypedResults.Ok(await ReadPiecesAsync(request.BodyReader))),
            services => services.AddLargeSocketBlocks());
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var body = new byte[1024 * 1024];
        Random.Shared.NextBytes(body);

        // Act
        using var response = await client.PostAsync("/body", new ByteArrayContent(body));
        var pieces = await response.Content.ReadFromJsonAsync<Pieces>();

        // Assert: Kestrel's own 4 KB blocks never give a piece over 4,096 bytes.
        Assert.Equal(body.Length, pieces!.Bytes);
        Assert.True(pieces.Largest > 4096, $"largest piece read: {pieces.Largest} bytes");
    }

    private sealed record Pieces(long Bytes, long Largest);

    private static async Task<Pieces> ReadPiecesAsync(PipeReader reader)
    {
        long bytes = 0, largest = 0;
        while (true)
        {
            var read = await reader.ReadAsync();
            foreach (var piece in read.Buffer) largest = Math.Max(largest, piece.Length);
            bytes += read.Buffer.Length;
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted) return new(bytes, largest);
        }
    }
}
