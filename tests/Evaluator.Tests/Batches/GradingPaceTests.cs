using Evaluator.Batches;
using Evaluator.Tests.Infrastructure;

namespace Evaluator.Tests.Batches;

public sealed class GradingPaceTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Results_are_gathered_the_full_time_while_much_is_left_to_grade()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Answers: 1000, clock);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // 500 graded in 100 ms: the other 500 take about 100 ms more.
        var gather = pace.Gather(graded: 500);

        Assert.Equal(GradingPace.GatherTime, gather);
    }

    [Fact]
    public void Results_are_gathered_briefly_once_the_rest_would_be_graded_within_the_gather_time()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Answers: 1000, clock);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // 800 graded in 100 ms: the last 200 take about 25 ms.
        var gather = pace.Gather(graded: 800);

        Assert.Equal(GradingPace.EndGatherTime, gather);
    }

    [Fact]
    public void Results_are_gathered_the_full_time_before_anything_is_graded()
    {
        var pace = new GradingPace(clock.GetTimestamp(), Answers: 3, clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(GradingPace.GatherTime, pace.Gather(graded: 0));
    }
}
