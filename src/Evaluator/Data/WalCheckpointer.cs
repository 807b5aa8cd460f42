using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evaluator.Data;

/// <summary>
/// Copies the write-ahead log back into the database file every second, off the request path (connections have
/// automatic checkpoints turned off, see <see cref="SqlitePragmas"/>). PASSIVE copies without blocking anyone; what a
/// running reader still needs is copied on a later tick. RESTART then makes the next writer start the log from its
/// beginning again: PASSIVE alone never does while writes keep coming, so under steady batch load the log grew by
/// every commit (1.8 GB in three minutes) and each commit wrote to fresh file pages, most of the kernel time of a batch.
/// RESTART holds writers off while it copies what is left and syncs the file, so PASSIVE runs again first while a
/// lot was committed during the last pass: with one pass, a second's worth of batch commits (200 ms to copy and sync)
/// left RESTART 90 ms of copying, and the worker's commit waited that long. RESTART waits at most
/// <see cref="RestartWaitMilliseconds"/> for a writer or a reader in its way, then gives up until the next tick.
/// </summary>
public sealed partial class WalCheckpointer(IServiceScopeFactory scopes, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long RESTART may hold off writers while it waits for readers on an older snapshot.</summary>
    private const int RestartWaitMilliseconds = 20;

    /// <summary>PASSIVE passes before RESTART at most; each copies what was committed during the one before.</summary>
    private const int MaxPassivePasses = 4;

    /// <summary>Few enough frames committed during a pass (64 KB pages: 1 MB) that what RESTART finds is a few milliseconds' copy.</summary>
    private const int SmallTailFrames = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        using (var scope = scopes.CreateScope())
            connectionString = scope.ServiceProvider.GetRequiredService<EvaluatorDb>().Database.GetConnectionString()!;
        // A connection of its own, outside the pool: its busy timeout must not reach request code.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                    using var command = connection.CreateCommand();
                    command.CommandText = $"PRAGMA busy_timeout={RestartWaitMilliseconds};";
                    await command.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    // Each pass copies the log as it was when the pass began; the next one sees what was committed meanwhile.
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    var (frames, copied) = await PassiveAsync(command, stoppingToken).ConfigureAwait(false);
                    for (var pass = 2; pass <= MaxPassivePasses; pass++)
                    {
                        var before = frames;
                        (frames, copied) = await PassiveAsync(command, stoppingToken).ConfigureAwait(false);
                        // Done when little was committed during the last pass and nothing much is left behind a reader.
                        // A smaller log than before was started over by a writer: one more pass sees how it stands.
                        if (frames >= before && frames - before <= SmallTailFrames && frames - copied <= SmallTailFrames) break;
                    }
                    command.CommandText = "PRAGMA wal_checkpoint(RESTART);";
                    await command.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (SqliteException e)
                {
                    // The log is still durable; the next tick tries again, on a fresh connection.
                    await connection.CloseAsync().ConfigureAwait(false);
                    LogCheckpointFailed(e);
                }
            }
        }
    }

    /// <summary>
    /// Runs the command's checkpoint; returns the frames in the log when it began (a restarted log starts at 0) and
    /// how many of them are copied (fewer when a reader still needs older ones; -1 for both when it could not run).
    /// </summary>
    private static async Task<(long Frames, long Copied)> PassiveAsync(SqliteCommand checkpoint, CancellationToken cancellationToken)
    {
        // One row: busy (0 or 1), frames in the log, frames copied.
        var reader = await checkpoint.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying in a second")]
    private partial void LogCheckpointFailed(Exception exception);
}
