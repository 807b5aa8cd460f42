using Evaluator.Batches;

namespace Evaluator.Tests.Batches;

public sealed class GradingWorkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Loop_ahead_of_the_reader_waits_for_the_next_answer()
    {
        var work = new GradingWork(capacity: 2);
        work.Add(Answer(1));

        var first = await work.TakeAsync(0, CancellationToken.None);
        var second = work.TakeAsync(1, CancellationToken.None).AsTask();
        await Task.Delay(100);
        var waited = !second.IsCompleted;
        work.Add(Answer(2));

        Assert.Equal(1, first?.Position);
        Assert.True(waited, "the second answer was taken before it was added");
        Assert.Equal(2, (await second.WaitAsync(Wait))?.Position);
    }

    [Fact]
    public async Task Loop_waiting_past_the_last_answer_stops_when_reading_ends()
    {
        var work = new GradingWork(capacity: 3);
        work.Add(Answer(1));
        var past = work.TakeAsync(1, CancellationToken.None).AsTask();

        work.Complete();

        Assert.Null(await past.WaitAsync(Wait));
        Assert.Equal(1, work.Count);
    }

    [Fact]
    public async Task Answer_is_taken_once_and_its_slot_let_go()
    {
        var work = new GradingWork([Answer(1)]);

        var first = await work.TakeAsync(0, CancellationToken.None);
        var again = await work.TakeAsync(0, CancellationToken.None);

        Assert.Equal(1, first?.Position);
        Assert.Null(again);
    }

    [Fact]
    public async Task Waiting_loop_is_stopped_by_its_token()
    {
        var work = new GradingWork(capacity: 1);
        using var stop = new CancellationTokenSource();
        var waiting = work.TakeAsync(0, stop.Token).AsTask();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Wait));
    }

    private static BatchWork Answer(int position) => new(position, $"a-{position}", "news-feed", "an answer", null);
}
