using System.Threading.Channels;
using Evaluator.Data;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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
            await SaveAsync(batch.ConvertAll(p => p.Write)).ConfigureAwait(false);
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

    /// <summary>
    /// Plain prepared statements in one transaction: insert the new turns (and a report), update only the changed
    /// columns of each session row. Parameter values go in as EF Core itself binds them (times as SQLite text, the
    /// used probes as a JSON array), so EF Core reads the rows back unchanged.
    /// </summary>
    private async Task SaveAsync(IReadOnlyList<TurnWrite> writes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var transaction = connection.BeginTransaction();
            using var turn = Prepare(connection, transaction,
                "INSERT INTO InterviewTurns (SessionId, Seq, Role, Text, Step, At) VALUES ($0, $1, $2, $3, $4, $5)");
            using var session = Prepare(connection, transaction,
                "UPDATE InterviewSessions SET Step = $1, ProbesInStep = $2, UsedProbes = $3, CandidateTurns = $4, TurnCount = $5, "
                + "UpdatedAt = $6, EndReason = coalesce($7, EndReason) WHERE Id = $0");
            using var report = Prepare(connection, transaction, "INSERT INTO InterviewReports (SessionId, Json, CreatedAt) VALUES ($0, $1, $2)");
            foreach (var write in writes)
            {
                foreach (var t in write.Turns) Run(turn, t.SessionId, t.Seq, t.Role, t.Text, t.Step, t.At);
                var state = write.State;
                var updated = Run(session, write.SessionId, state.Step, state.ProbesInStep, JsonSerializer.Serialize(state.UsedProbes),
                    state.CandidateTurns, write.TurnCount, write.At, write.EndReason);
                if (updated != 1) throw new InvalidOperationException($"Interview session '{write.SessionId}' is not in the database.");
                if (write.Report is { } r) Run(report, r.SessionId, r.Json, r.CreatedAt);
            }
            transaction.Commit();
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; sql.Contains($"${i}", StringComparison.Ordinal); i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }

    private sealed record Pending(TurnWrite Write, TaskCompletionSource Committed);
}
