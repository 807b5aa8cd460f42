using System.Runtime.InteropServices;
using Evaluator.Batches;

namespace Evaluator.Tests.Batches;

public sealed class CompletedResultsTests
{
    private readonly ManualClock clock = new();
    private readonly CompletedResults results;

    public CompletedResultsTests() => results = new CompletedResults(clock);

    [Fact]
    public void Kept_rows_are_taken_once()
    {
        var rows = Keep("b1", 3, resultBytes: 10);

        using var first = results.Take("b1");
        var second = results.Take("b1");

        Assert.Same(rows, first?.Rows);
        Assert.Null(second);
    }

    [Fact]
    public void Taken_rows_hold_the_bytes_that_were_kept()
    {
        Keep("b1", 3, resultBytes: 10);

        using var taken = results.Take("b1");

        Assert.All(taken!.Rows, r => Assert.Equal(Result(r.Position, 10), r.Result!.Value.ToArray()));
    }

    [Fact]
    public void Chunks_of_downloaded_rows_go_back_to_the_pool()
    {
        var rows = Keep("b1", 1, resultBytes: 10);
        results.Take("b1")!.Dispose();

        var next = Keep("b2", 1, resultBytes: 10);

        Assert.Same(Chunk(rows[0]), Chunk(next[0]));
    }

    [Fact]
    public void Chunks_of_a_batch_dropped_unread_go_back_to_the_pool()
    {
        var dropped = Keep("b0", 1, resultBytes: 10);
        for (var i = 1; i <= CompletedResults.MaxBatches; i++) Keep($"b{i}", 1, resultBytes: 10);

        var next = Keep("next", 1, resultBytes: 10);

        Assert.Same(Chunk(dropped[0]), Chunk(next[0]));
    }

    [Fact]
    public void Oldest_batch_goes_when_more_than_the_cap_are_kept()
    {
        for (var i = 0; i <= CompletedResults.MaxBatches; i++) Keep($"b{i}", 1, resultBytes: 10);

        Assert.Null(results.Take("b0"));
        Assert.NotNull(results.Take("b1"));
        Assert.NotNull(results.Take($"b{CompletedResults.MaxBatches}"));
    }

    [Fact]
    public void Oldest_batches_go_when_their_results_pass_the_byte_budget()
    {
        var half = (int)(CompletedResults.MaxBytes / 2) - 1024;
        Keep("b1", 1, half);
        Keep("b2", 1, half);

        Keep("b3", 1, half);

        Assert.Null(results.Take("b1"));
        Assert.NotNull(results.Take("b2"));
        Assert.NotNull(results.Take("b3"));
    }

    [Fact]
    public void Batch_larger_than_the_budget_is_not_kept()
    {
        Keep("small", 1, resultBytes: 10);

        Keep("huge", 1, (int)CompletedResults.MaxBytes + 1);

        Assert.Null(results.Take("huge"));
        Assert.NotNull(results.Take("small"));
    }

    [Fact]
    public void Rows_not_downloaded_within_a_minute_are_dropped()
    {
        Keep("b1", 1, resultBytes: 10);

        clock.Advance(CompletedResults.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Null(results.Take("b1"));
    }

    /// <summary>Keeps a batch of graded rows whose results, copied into an arena as the worker does, are their position's byte.</summary>
    private List<ResultRow> Keep(string batchId, int count, int resultBytes)
    {
        var arena = results.NewArena();
        List<ResultRow> rows = [.. Enumerable.Range(1, count)
            .Select(i => new ResultRow(i, $"a-{i}", "news-feed", ItemState.Graded, arena.Copy(Result(i, resultBytes)), null))];
        results.Keep(batchId, rows, arena);
        return rows;
    }

    private static byte[] Result(int position, int length) => Enumerable.Repeat((byte)position, length).ToArray();

    private static byte[]? Chunk(ResultRow row) => MemoryMarshal.TryGetArray(row.Result!.Value, out var segment) ? segment.Array : null;

    private sealed class ManualClock : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => now;

        public void Advance(TimeSpan by) => now += by.Ticks;
    }
}
