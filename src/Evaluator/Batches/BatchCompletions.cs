namespace Evaluator.Batches;

/// <summary>
/// Wakes waiting requests when the worker commits results (followed result streams) or completes a batch
/// (long-polling status requests), so a client waits without polling; the database stays the record of what is done.
/// </summary>
public sealed class BatchCompletions
{
    private TaskCompletionSource next = NewSignal();
    private TaskCompletionSource nextCommit = NewSignal();

    /// <summary>Finishes when the next batch completes. Take it before reading a batch's state so no completion is missed.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    /// <summary>Finishes when the worker next commits results (or completes a batch). Take it before reading results.</summary>
    public Task NextCommit => Volatile.Read(ref nextCommit).Task;

    internal void Committed() => Interlocked.Exchange(ref nextCommit, NewSignal()).TrySetResult();

    internal void Completed()
    {
        Interlocked.Exchange(ref next, NewSignal()).TrySetResult();
        Committed();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
