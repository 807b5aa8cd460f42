using Evaluator.Interviews;

namespace Evaluator.Tests.Interviews;

public class SessionLocksTests
{
    [Fact]
    public async Task Second_holder_of_a_session_waits_until_the_first_releases()
    {
        var locks = new SessionLocks();
        var first = await locks.AcquireAsync("s1");

        var second = locks.AcquireAsync("s1");
        var other = await locks.AcquireAsync("s2");

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Gates_are_removed_once_nobody_holds_or_waits()
    {
        var locks = new SessionLocks();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var lease = await locks.AcquireAsync($"s{i % 5}");
            await Task.Yield();
        }));

        Assert.Equal(0, locks.ActiveCount);
    }

    [Fact]
    public async Task Cancelled_waiter_leaves_no_gate_behind()
    {
        var locks = new SessionLocks();
        var held = await locks.AcquireAsync("s1");
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("s1", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.ActiveCount);
    }
}
