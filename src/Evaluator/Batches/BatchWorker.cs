using System.Threading.Channels;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Evaluator.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Evaluator.Batches;

/// <summary>
/// Grades batches in the background, one batch at a time and up to MaxConcurrency answers at once.
/// Results are committed in small groups as soon as they are graded, each written only over a still-pending item, so an
/// item is stored exactly once; on start, every unfinished batch is picked up where it stopped. A batch that fails
/// (the database refuses a write) is queued again after a wait that doubles with each failure, so it finishes without
/// a restart once the database takes writes again, and the batches behind it are not held up meanwhile.
/// </summary>
public sealed partial class BatchWorker(
    IServiceScopeFactory scopes,
    PendingBatches queue,
    BatchCompletions completions,
    ResultsInMemory resultsInMemory,
    WebhookDispatcher webhooks,
    IOptions<BatchOptions> options,
    ILogger<BatchWorker> logger) : BackgroundService
{
    private const int MaxGroup = 256;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Failures so far of each batch that has failed and not yet completed; only the worker's loop touches it.</summary>
    private readonly Dictionary<string, int> failures = [];

    // As many threads as cores at most: a model-backed scorer mostly waits, so more answers than threads may be in flight.
    private readonly GradingThreads threads = new(Math.Min(options.Value.MaxConcurrency, Environment.ProcessorCount));

    /// <summary>
    /// Queues every unfinished batch before the host goes on starting: once the server takes requests, what it finds
    /// in the database is either queued already or was stored after start (and queued by its submission).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
            var unfinished = await db.Batches.Where(b => b.State != BatchState.Completed)
                .OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var id in unfinished) queue.Enqueue(id);
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: with batches already queued, the first one would otherwise run inside StartAsync.
        await Task.Yield();
        await foreach (var pending in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await (pending.Handover is { } handover
                    ? ProcessHandoverAsync(pending.Id, handover, stoppingToken)
                    : ProcessAsync(pending.Id, stoppingToken)).ConfigureAwait(false);
                failures.Remove(pending.Id);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or SqliteException or InvalidOperationException)
            {
                // The batch stays unfinished in the database: what was committed is kept, the rest is graded again.
                var failure = failures[pending.Id] = failures.GetValueOrDefault(pending.Id) + 1;
                var delay = RetryDelay(failure);
                LogBatchFailed(e, pending.Id, failure, delay);
                _ = RetryLaterAsync(pending.Id, delay, stoppingToken);
            }
        }
    }

    private TimeSpan RetryDelay(int failure)
    {
        // Doubling stops long before the shift could overflow: 2^20 times the shortest wait is past the cap.
        var first = TimeSpan.FromSeconds(options.Value.FirstRetryDelaySeconds);
        return TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Min(failure - 1, 20), MaxRetryDelay.Ticks));
    }

    private async Task RetryLaterAsync(string batchId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            queue.Enqueue(batchId);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start queues every unfinished batch.
        }
    }

    /// <summary>
    /// A batch just submitted: grading starts with its first answer, while the submission is still reading the rest and
    /// then storing the rows (on a small machine that took a core for as long as the first few dozen answers take to
    /// grade). Results are written only once the rows are committed; a submission that fails to store them drops the
    /// batch, graded or not. The worker sees every row of such a batch, so it holds them in memory as they are committed,
    /// for clients following the batch and for its first download (<see cref="ResultsInMemory"/>).
    /// </summary>
    private async Task ProcessHandoverAsync(string batchId, BatchHandover handover, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var scorer = services.GetRequiredKeyedService<IAnswerScorer>(handover.Scorer);
        var held = resultsInMemory.Start(batchId, handover.Positions);
        var completed = false;
        try
        {
            var grading = GradeAsync(batchId, handover.Work, handover.Rubrics, scorer, handover.Stored, held, cancellationToken);
            var db = services.GetRequiredService<EvaluatorDb>();
            Batch? batch = null;
            try
            {
                if (await handover.Stored.WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Stored with the batch: their rows are committed, and a client following it may send them.
                    foreach (var row in handover.Rejected) held.Add(row);
                    if (handover.Rejected.Count > 0) completions.Committed();
                    batch = await MarkRunningAsync(db, batchId, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                // Never left running behind the next batch: what it grades is committed, or dropped if the batch was never stored.
                await grading.ConfigureAwait(false);
            }
            if (batch is null) return;
            await CompleteAsync(db, batch, held, cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        finally
        {
            // Not completed here: the batch was not stored, or it is graded again from the database.
            if (!completed) resultsInMemory.Abandon(batchId, held);
            held.Release();
        }
    }

    /// <summary>A stored batch (queued, or left unfinished by an earlier run): its pending items are read back and graded.</summary>
    private async Task ProcessAsync(string batchId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EvaluatorDb>();
        var batch = await MarkRunningAsync(db, batchId, cancellationToken).ConfigureAwait(false);
        if (batch is null) return;
        var pending = await db.BatchItems.AsNoTracking()
            .Where(i => i.BatchId == batchId && i.State == ItemState.Pending)
            .OrderBy(i => i.Position)
            .Select(i => new BatchWork(i.Position, i.ItemId!, i.CaseId!, i.Answer!, i.Revision))
            .ToArrayAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Length > 0)
        {
            var rubrics = await LoadRubricsAsync(services.GetRequiredService<OrganisationCases>(), batch.Organisation, pending, cancellationToken)
                .ConfigureAwait(false);
            var scorer = services.GetRequiredKeyedService<IAnswerScorer>(batch.Scorer);
            await GradeAsync(batchId, new GradingWork(pending), rubrics, scorer, AlreadyStored, held: null, cancellationToken).ConfigureAwait(false);
        }
        await CompleteAsync(db, batch, held: null, cancellationToken).ConfigureAwait(false);
    }

    private static readonly Task<bool> AlreadyStored = Task.FromResult(true);

    /// <summary>Marks the batch running; null when it is gone or already completed.</summary>
    private static async Task<Batch?> MarkRunningAsync(EvaluatorDb db, string batchId, CancellationToken cancellationToken)
    {
        var batch = await db.Batches.FindAsync([batchId], cancellationToken).ConfigureAwait(false);
        if (batch is null || batch.State == BatchState.Completed) return null;
        batch.State = BatchState.Running;
        batch.StartedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return batch;
    }

    /// <summary>Marks the batch completed; its rows held in memory, when given, are kept for its first download.</summary>
    private async Task CompleteAsync(EvaluatorDb db, Batch batch, HeldResults? held, CancellationToken cancellationToken)
    {
        batch.State = BatchState.Completed;
        batch.CompletedAt = DateTime.UtcNow;
        batch.WebhookPending = await db.Webhooks.AnyAsync(w => w.Organisation == batch.Organisation, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        // Before the wake-up: a client long-polling for completion downloads next.
        if (held is not null) resultsInMemory.Complete(batch.Id, held);
        completions.Completed();
        if (batch.WebhookPending) webhooks.Enqueue(batch.Id);
        LogBatchCompleted(batch.Id, batch.Total);
    }

    private static async Task<Dictionary<(string, int?), CaseRubric?>> LoadRubricsAsync(
        OrganisationCases cases, string organisation, IReadOnlyList<BatchWork> pending, CancellationToken cancellationToken)
    {
        var rubrics = new Dictionary<(string, int?), CaseRubric?>();
        foreach (var key in pending.Select(w => (w.CaseId, w.Revision)).Distinct())
            rubrics[key] = await cases.GetAsync(organisation, key.CaseId, key.Revision, cancellationToken).ConfigureAwait(false);
        return rubrics;
    }

    /// <summary>
    /// Grades the answers and commits the results, once <paramref name="stored"/> says the rows exist; if they never
    /// will, stops and writes nothing. Adds each row it commits to <paramref name="held"/> when given.
    /// </summary>
    private async Task GradeAsync(string batchId, GradingWork work, IReadOnlyDictionary<(string, int?), CaseRubric?> rubrics,
        IAnswerScorer scorer, Task<bool> stored, HeldResults? held, CancellationToken cancellationToken)
    {
        var outcomes = Channel.CreateBounded<ResultRow>(new BoundedChannelOptions(1024) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var grading = GradeAllAsync();
        try
        {
            // On shutdown, results already graded are still committed; the rest stay pending. A batch that was never
            // stored has nowhere for its results to go. Once stored, every answer has been added to the work.
            if (await stored.WaitAsync(cancellationToken).ConfigureAwait(false))
                await WriteAsync(batchId, outcomes.Reader, work.Count, grading, held).ConfigureAwait(false);
        }
        finally
        {
            // Grading never outlives this call: it is stopped when the batch was not stored or a write failed.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await grading.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Stopped here, not by shutdown: nothing is lost, the batch was either not stored or is resumed.
            }
        }

        async Task GradeAllAsync()
        {
            try
            {
                // MaxConcurrency answers at a time, all on the grading threads.
                await Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrency).Select(_ => Task.Factory.StartNew(
                    GradeInTurnAsync, stop.Token, TaskCreationOptions.DenyChildAttach, threads).Unwrap())).ConfigureAwait(false);
            }
            finally
            {
                outcomes.Writer.TryComplete();
            }
        }

        async Task GradeInTurnAsync()
        {
            var token = stop.Token;
            // Each index is taken by one loop only. ConfigureAwait(true): after a real wait (an answer still being read, a
            // model's reply, a full channel) grading goes on on the grading threads.
            while (await work.TakeAsync(Interlocked.Increment(ref next), token).ConfigureAwait(true) is { } answer)
            {
                token.ThrowIfCancellationRequested();
                var outcome = await GradeOneAsync(answer, rubrics[(answer.CaseId, answer.Revision)], scorer, token).ConfigureAwait(true);
                await outcomes.Writer.WriteAsync(outcome, token).ConfigureAwait(true);
            }
        }
    }

    private static async Task<ResultRow> GradeOneAsync(BatchWork work, CaseRubric? rubric, IAnswerScorer scorer, CancellationToken cancellationToken)
    {
        if (rubric is null) return Failed(work, $"the rubric for case '{work.CaseId}' no longer exists.");
        try
        {
            var evaluation = await scorer.ScoreAsync(work.ItemId, rubric, work.Answer, cancellationToken).ConfigureAwait(false);
            return new(work.Position, work.ItemId, work.CaseId, ItemState.Graded, EvaluationJsonContext.ToUtf8Bytes(evaluation), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One answer the scorer cannot handle fails that item only.
            return Failed(work, "grading failed: " + e.Message);
        }
    }

    private static ResultRow Failed(BatchWork work, string error) => new(work.Position, work.ItemId, work.CaseId, ItemState.Failed, null, error);

    /// <summary>
    /// Commits outcomes in groups: whatever has been graded within the gather time (<see cref="GradingPace"/>, up to
    /// <see cref="MaxGroup"/>) goes in one transaction. Each commit has a fixed cost that, paid for every few items,
    /// took CPU from grading on a small machine; a kill loses at most the uncommitted ones, which stay pending and are
    /// graded again. Once grading is over, the rest is committed at once.
    /// </summary>
    private async Task WriteAsync(string batchId, ChannelReader<ResultRow> outcomes, int answers, Task grading, HeldResults? held)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        await db.Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var group = new List<ResultRow>(MaxGroup);
        var taken = 0;
        var pace = new GradingPace(TimeProvider.System.GetTimestamp(), outcomes.Count, answers, TimeProvider.System);
        while (await outcomes.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (outcomes.Count < MaxGroup && !grading.IsCompleted)
                await Task.WhenAny(Task.Delay(pace.Gather(taken + outcomes.Count), CancellationToken.None), grading).ConfigureAwait(false);
            while (group.Count < MaxGroup && outcomes.TryRead(out var outcome)) group.Add(outcome);
            // An item that is no longer pending was stored before: keep that result, drop this one.
            var skipped = BatchItemRows.Complete(connection, batchId, group);
            foreach (var position in skipped) LogAlreadyGraded(batchId, position);
            if (held is not null)
            {
                // The database kept an earlier result for a skipped item: the rows held would no longer be the stored ones.
                if (skipped.Count > 0) resultsInMemory.Abandon(batchId, held);
                else if (!held.Abandoned) foreach (var row in group) held.Add(row);
            }
            taken += group.Count;
            group.Clear();
            completions.Committed();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        threads.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} completed: {Total} answers")]
    private partial void LogBatchCompleted(string batchId, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} stopped (failure {Failure}); it is tried again in {Delay}")]
    private partial void LogBatchFailed(Exception exception, string batchId, int failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} item {Position} was already graded; kept the stored result")]
    private partial void LogAlreadyGraded(string batchId, int position);
}
