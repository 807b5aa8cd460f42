using System.Threading.Channels;
using Evaluator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Interviews;

/// <summary>One session's change from one answer: the new turns, the new state, and the report when it ended.</summary>
public sealed record TurnWrite(
    string SessionId,
    InterviewState State,
    int TurnCount,
    DateTimeOffset At,
    IReadOnlyList<InterviewTurn> Turns,
    string? EndReason = null,
    InterviewReportRecord? Report = null);

/// <summary>
/// Group commit: a single writer drains the turns waiting from all sessions and commits them in one SQLite transaction,
/// then completes each caller's task, so a reply still leaves only once its turns are durable. SQLite takes one writer
/// at a time; one transaction for many sessions pays its lock and WAL append once instead of once a turn.
/// </summary>
public sealed class TurnWriter : IDisposable, IAsyncDisposable
{
    private const int MaxBatch = 1000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly Task loop;

    public TurnWriter(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the write is committed; fails (with nothing written) if it could not be.</summary>
    public Task CommitAsync(TurnWrite write)
    {
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(TurnWriter), "The server is shutting down.");
        return pending.Committed.Task;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await SaveAsync(batch.Select(p => p.Write)).ConfigureAwait(false);
            foreach (var pending in batch) pending.Committed.SetResult();
        }
        catch (Exception) when (batch.Count > 1)
        {
            // The transaction rolled back as a whole: commit one by one, so one bad write fails only its own caller.
            foreach (var pending in batch) await CommitAsync([pending]).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The failure belongs to the caller waiting on this write; the writer itself must keep going.
        catch (Exception e)
#pragma warning restore CA1031
        {
            batch[0].Committed.SetException(e);
        }
    }

    private async Task SaveAsync(IEnumerable<TurnWrite> writes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var write in writes)
        {
            db.InterviewTurns.AddRange(write.Turns);
            // Only the changed columns of the session row; the rest of it is never read.
            var session = new InterviewSession
            {
                Id = write.SessionId, CaseId = write.State.CaseId, ResumeTokenHash = "", Step = write.State.Step,
                TurnCount = write.TurnCount, UpdatedAt = write.At, EndReason = write.EndReason,
            };
            session.Apply(write.State);
            var entry = db.InterviewSessions.Attach(session);
            entry.Property(s => s.Step).IsModified = true;
            entry.Property(s => s.ProbesInStep).IsModified = true;
            entry.Property(s => s.UsedProbes).IsModified = true;
            entry.Property(s => s.CandidateTurns).IsModified = true;
            entry.Property(s => s.TurnCount).IsModified = true;
            entry.Property(s => s.UpdatedAt).IsModified = true;
            if (write.EndReason is not null) entry.Property(s => s.EndReason).IsModified = true;
            if (write.Report is not null) db.InterviewReports.Add(write.Report);
        }
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    private sealed record Pending(TurnWrite Write, TaskCompletionSource Committed);
}
