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
        var rows = Rows(3, resultBytes: 10);
        results.Keep("b1", rows);

        var first = results.Take("b1");
        var second = results.Take("b1");

        Assert.Same(rows, first);
        Assert.Null(second);
    }

    [Fact]
    public void Oldest_batch_goes_when_more_than_the_cap_are_kept()
    {
        for (var i = 0; i <= CompletedResults.MaxBatches; i++) results.Keep($"b{i}", Rows(1, resultBytes: 10));

        Assert.Null(results.Take("b0"));
        Assert.NotNull(results.Take("b1"));
        Assert.NotNull(results.Take($"b{CompletedResults.MaxBatches}"));
    }

    [Fact]
    public void Oldest_batches_go_when_their_results_pass_the_byte_budget()
    {
        var half = (int)(CompletedResults.MaxBytes / 2) - 1024;
        results.Keep("b1", Rows(1, half));
        results.Keep("b2", Rows(1, half));

        results.Keep("b3", Rows(1, half));

        Assert.Null(results.Take("b1"));
        Assert.NotNull(results.Take("b2"));
        Assert.NotNull(results.Take("b3"));
    }

    [Fact]
    public void Batch_larger_than_the_budget_is_not_kept()
    {
        results.Keep("small", Rows(1, resultBytes: 10));

        results.Keep("huge", Rows(1, (int)CompletedResults.MaxBytes + 1));

        Assert.Null(results.Take("huge"));
        Assert.NotNull(results.Take("small"));
    }

    [Fact]
    public void Rows_not_downloaded_within_a_minute_are_dropped()
    {
        results.Keep("b1", Rows(1, resultBytes: 10));

        clock.Advance(CompletedResults.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Null(results.Take("b1"));
    }

    private static List<ResultRow> Rows(int count, int resultBytes) =>
        [.. Enumerable.Range(1, count).Select(i => new ResultRow(i, $"a-{i}", "news-feed", ItemState.Graded, new byte[resultBytes], null))];

    private sealed class ManualClock : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => now;

        public void Advance(TimeSpan by) => now += by.Ticks;
    }
}
