using System.Runtime.InteropServices;
using Evaluator.Batches;
using Evaluator.Tests.Infrastructure;

namespace Evaluator.Tests.Batches;

public sealed class ResultsInMemoryTests
{
    private readonly ManualClock clock = new();
    private readonly ResultsInMemory results;

    public ResultsInMemoryTests() => results = new ResultsInMemory(clock);

    [Fact]
    public void Rows_are_read_in_position_order_up_to_the_first_pending_item()
    {
        var held = results.Start("b1", [1, 2, 4]);

        held.Add(Graded(4, 10));
        var beforeTheFirst = Positions(held.After(int.MinValue));
        held.Add(Graded(1, 10));
        var afterTheFirst = Positions(held.After(int.MinValue));
        held.Add(Graded(2, 10));

        Assert.Empty(beforeTheFirst);
        Assert.Equal([1], afterTheFirst);
        Assert.Equal([1, 2, 4], Positions(held.After(int.MinValue)));
        Assert.Equal([4], Positions(held.After(2)));
        Assert.Equal([4], Positions(held.After(3)));
    }

    [Fact]
    public void Rejected_rows_are_read_in_their_place()
    {
        var held = results.Start("b1", [1, 2, 3]);

        held.Add(new ResultRow(2, "bad", null, ItemState.Failed, null, "invalid JSON"));
        held.Add(Graded(1, 10));

        Assert.Equal([1, 2], Positions(held.After(int.MinValue)));
        Assert.Equal("invalid JSON", held.After(1).First().Error);
    }

    [Fact]
    public void Held_rows_hold_the_bytes_that_were_added()
    {
        var held = results.Start("b1", [1, 2, 3]);
        foreach (var position in new[] { 1, 2, 3 }) held.Add(Graded(position, 10));

        Assert.All(held.After(int.MinValue), r => Assert.Equal(Result(r.Position, 10), r.Result!.Value.ToArray()));
    }

    [Fact]
    public void An_item_is_added_once()
    {
        var held = results.Start("b1", [1]);
        held.Add(Graded(1, 10));

        Assert.Throws<InvalidOperationException>(() => held.Add(Graded(1, 10)));
        Assert.Throws<InvalidOperationException>(() => held.Add(Graded(7, 10)));
    }

    [Fact]
    public void Completed_batch_is_held_until_its_first_download()
    {
        var held = Complete("b1", 3, resultBytes: 10);

        var opened = results.Open("b1");
        results.Downloaded("b1");
        var afterDownload = results.Open("b1");

        Assert.Same(held, opened);
        Assert.True(opened!.Completed);
        Assert.Null(afterDownload);
    }

    [Fact]
    public void Batch_completed_with_a_row_missing_is_not_held()
    {
        var held = results.Start("b1", [1, 2]);
        held.Add(Graded(1, 10));

        results.Complete("b1", held);

        Assert.False(held.Completed);
        Assert.Null(results.Open("b1"));
    }

    [Fact]
    public void Abandoned_batch_is_no_longer_opened_and_its_readers_are_told()
    {
        var held = results.Start("b1", [1, 2]);
        var reader = results.Open("b1")!;

        results.Abandon("b1", held);

        Assert.True(reader.Abandoned);
        Assert.Null(results.Open("b1"));
    }

    [Fact]
    public void Chunks_go_back_to_the_pool_only_when_the_last_reader_lets_go()
    {
        // Arrange: the worker completes the batch and lets go; a reader still has it open when it is downloaded.
        var held = Complete("b1", 1, resultBytes: 10);
        var chunk = Chunk(held.After(int.MinValue).Single());
        var reader = results.Open("b1")!;
        results.Downloaded("b1");

        // Act
        var whileRead = Chunk(Complete("b2", 1, resultBytes: 10).After(int.MinValue).Single());
        reader.Release();
        var afterRelease = Chunk(Complete("b3", 1, resultBytes: 10).After(int.MinValue).Single());

        // Assert
        Assert.NotSame(chunk, whileRead);
        Assert.Same(chunk, afterRelease);
    }

    [Fact]
    public void Chunks_of_a_batch_dropped_unread_go_back_to_the_pool()
    {
        var dropped = Chunk(Complete("b0", 1, resultBytes: 10).After(int.MinValue).Single());
        for (var i = 1; i <= ResultsInMemory.MaxBatches; i++) Complete($"b{i}", 1, resultBytes: 10);

        var next = Chunk(Complete("next", 1, resultBytes: 10).After(int.MinValue).Single());

        Assert.Same(dropped, next);
    }

    [Fact]
    public void Oldest_completed_batch_goes_when_more_than_the_cap_are_held()
    {
        for (var i = 0; i <= ResultsInMemory.MaxBatches; i++) Complete($"b{i}", 1, resultBytes: 10);

        Assert.False(IsHeld("b0"));
        Assert.True(IsHeld("b1"));
        Assert.True(IsHeld($"b{ResultsInMemory.MaxBatches}"));
    }

    [Fact]
    public void Batch_being_graded_stays_while_completed_ones_come_and_go()
    {
        results.Start("running", [1]).Release();

        for (var i = 0; i <= ResultsInMemory.MaxBatches; i++) Complete($"b{i}", 1, resultBytes: 10);
        clock.Advance(ResultsInMemory.MaxAge + TimeSpan.FromSeconds(1));

        Assert.True(IsHeld("running"));
        Assert.False(IsHeld($"b{ResultsInMemory.MaxBatches}"));
    }

    [Fact]
    public void Oldest_batches_go_when_their_results_pass_the_byte_budget()
    {
        var half = (int)(ResultsInMemory.MaxBytes / 2) - 1024;
        Complete("b1", 1, half);
        Complete("b2", 1, half);

        Complete("b3", 1, half);

        Assert.False(IsHeld("b1"));
        Assert.True(IsHeld("b2"));
        Assert.True(IsHeld("b3"));
    }

    [Fact]
    public void Batch_larger_than_the_budget_is_not_held()
    {
        Complete("small", 1, resultBytes: 10);

        Complete("huge", 1, (int)ResultsInMemory.MaxBytes + 1);

        Assert.False(IsHeld("huge"));
        Assert.True(IsHeld("small"));
    }

    [Fact]
    public void Rows_not_downloaded_within_a_minute_are_dropped()
    {
        Complete("b1", 1, resultBytes: 10);

        clock.Advance(ResultsInMemory.MaxAge + TimeSpan.FromSeconds(1));

        Assert.False(IsHeld("b1"));
    }

    /// <summary>Grades a batch as the worker does: every row added, completed, the worker's reference let go.</summary>
    private HeldResults Complete(string batchId, int count, int resultBytes)
    {
        var held = results.Start(batchId, Enumerable.Range(1, count));
        for (var i = 1; i <= count; i++) held.Add(Graded(i, resultBytes));
        results.Complete(batchId, held);
        held.Release();
        return held;
    }

    private bool IsHeld(string batchId)
    {
        var held = results.Open(batchId);
        held?.Release();
        return held is not null;
    }

    private static ResultRow Graded(int position, int resultBytes) =>
        new(position, $"a-{position}", "news-feed", ItemState.Graded, Result(position, resultBytes), null);

    private static List<int> Positions(IEnumerable<ResultRow> rows) => [.. rows.Select(r => r.Position)];

    private static byte[] Result(int position, int length) => Enumerable.Repeat((byte)position, length).ToArray();

    private static byte[]? Chunk(ResultRow row) => MemoryMarshal.TryGetArray(row.Result!.Value, out var segment) ? segment.Array : null;
}
