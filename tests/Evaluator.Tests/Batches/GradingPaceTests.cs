using Evaluator.Batches;
using Evaluator.Tests.Infrastructure;

namespace Evaluator.Tests.Batches;

public sealed class GradingPaceTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Results_are_gathered_the_full_time_while_much_is_left_to_grade()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Graded: 0, Answers: 1000, clock);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // 500 graded in 100 ms: the other 500 take about 100 ms more.
        var gather = pace.Gather(graded: 500);

        Assert.Equal(GradingPace.GatherTime, gather);
    }

    [Fact]
    public void Results_are_gathered_briefly_once_the_rest_would_be_graded_within_the_gather_time()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Graded: 0, Answers: 1000, clock);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // 800 graded in 100 ms: the last 200 take about 25 ms.
        var gather = pace.Gather(graded: 800);

        Assert.Equal(GradingPace.EndGatherTime, gather);
    }

    [Fact]
    public void Pace_counts_only_the_answers_graded_since_the_writer_started()
    {
        // 300 graded before the writer started (beside the storing); 300 more in its first 60 ms.
        var pace = new GradingPace(clock.GetTimestamp(), Graded: 300, Answers: 1000, clock);
        clock.Advance(TimeSpan.FromMilliseconds(60));

        // 400 left at 5 answers a millisecond: 80 ms. Counted from the start, 600 in 60 ms would say 40 ms.
        var gather = pace.Gather(graded: 600);

        Assert.Equal(GradingPace.GatherTime, gather);
    }

    [Fact]
    public void Results_are_gathered_the_full_time_before_anything_is_graded()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Graded: 0, Answers: 3, clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(GradingPace.GatherTime, pace.Gather(graded: 0));
    }
}
