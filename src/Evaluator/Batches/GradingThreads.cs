using System.Collections.Concurrent;

namespace Evaluator.Batches;

/// <summary>
/// Threads of the batch worker's own for grading. Scoring is CPU-bound and a batch keeps it busy for seconds: on
/// the thread pool it held every pool thread on a small machine, so requests, hub turns and status long-polls
/// waited (a 202 up to 400 ms) until the pool grew. Tasks scheduled here run only on these threads.
/// </summary>
internal sealed class GradingThreads : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;

    public GradingThreads(int count)
    {
        threads = [.. Enumerable.Range(1, count).Select(i => new Thread(Run) { IsBackground = true, Name = $"Batch grading {i}" })];
        foreach (var thread in threads) thread.Start();
    }

    public override int MaximumConcurrencyLevel => threads.Length;

    protected override void QueueTask(Task task) => queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        threads.Contains(Thread.CurrentThread) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Run()
    {
        foreach (var task in queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        foreach (var thread in threads) thread.Join();
        queue.Dispose();
    }
}
