namespace Evaluator.Batches;

/// <summary>
/// A batch's answers in input order, for the worker's grading loops to take by index: all of them at once for a
/// stored batch, or one by one while a submission is still reading its body, so grading starts with the first answer
/// rather than after the last (reading 1,000 answers took 4-5 ms with the other core idle). A loop that gets ahead of
/// the reader waits for the next answer. Each slot is emptied as its answer is taken: one graded is not kept alive by
/// the batch.
/// </summary>
internal sealed class GradingWork
{
    private readonly BatchWork?[] items;
    private int count;
    private volatile bool complete;
    private TaskCompletionSource added = NewSignal();

    /// <summary>Room for <paramref name="capacity"/> answers, to be added and then completed.</summary>
    public GradingWork(int capacity) => items = new BatchWork?[capacity];

    /// <summary>All the answers there are.</summary>
    public GradingWork(BatchWork[] all)
    {
        items = all;
        count = all.Length;
        complete = true;
    }

    /// <summary>Answers added so far; all of them once <see cref="Complete"/> was called.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Adds the next answer; one caller (the submission reading the body).</summary>
    public void Add(BatchWork work)
    {
        items[count] = work;
        Volatile.Write(ref count, count + 1);
        Interlocked.Exchange(ref added, NewSignal()).TrySetResult();
    }

    /// <summary>No more answers: a loop waiting past the last one stops.</summary>
    public void Complete()
    {
        complete = true;
        Interlocked.Exchange(ref added, NewSignal()).TrySetResult();
    }

    /// <summary>The answer at <paramref name="index"/>, once added; null when there are fewer.</summary>
    public async ValueTask<BatchWork?> TakeAsync(int index, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Taken before looking: an answer added meanwhile still ends the wait.
            var next = Volatile.Read(ref added).Task;
            if (index < Count) return Interlocked.Exchange(ref items[index], null);
            if (complete) return index < Count ? Interlocked.Exchange(ref items[index], null) : null;
            // ConfigureAwait(true): grading goes on on the grading threads.
            await next.WaitAsync(cancellationToken).ConfigureAwait(true);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
