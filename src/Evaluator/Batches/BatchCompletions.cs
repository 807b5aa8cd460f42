namespace Evaluator.Batches;

/// <summary>
/// Wakes long-polling status requests when the worker completes a batch, so a client waits without polling;
/// the database stays the record of what is done.
/// </summary>
public sealed class BatchCompletions
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Finishes when the next batch completes. Take it before reading a batch's state so no completion is missed.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    internal void Completed() =>
        Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
