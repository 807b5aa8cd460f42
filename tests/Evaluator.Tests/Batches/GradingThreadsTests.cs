using Evaluator.Batches;

namespace Evaluator.Tests.Batches;

public class GradingThreadsTests
{
    [Fact]
    public async Task Grading_and_its_continuations_run_on_the_workers_own_threads_not_the_thread_pool()
    {
        // Arrange
        using var threads = new GradingThreads(2);
        var seen = new List<(string? Name, bool Pool)>();

        // Act
        await Task.Factory.StartNew(async () =>
        {
            seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            await Task.Delay(10).ConfigureAwait(true);
            seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, threads).Unwrap();

        // Assert
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s =>
        {
            Assert.False(s.Pool);
            Assert.StartsWith("Batch grading", s.Name, StringComparison.Ordinal);
        });
    }
}
