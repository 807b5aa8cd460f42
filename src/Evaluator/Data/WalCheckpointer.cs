using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evaluator.Data;

/// <summary>
/// Copies the write-ahead log back into the database file every second, off the request path (connections have
/// automatic checkpoints turned off, see <see cref="SqlitePragmas"/>). PASSIVE copies without blocking anyone; what a
/// running reader still needs is copied on a later tick. RESTART then, with almost nothing left to copy, makes the next
/// writer start the log from its beginning again: PASSIVE alone never does while writes keep coming, so under steady
/// batch load the log grew by every commit (1.8 GB in three minutes) and each commit wrote to fresh file pages, most
/// of the kernel time of a batch. RESTART waits at most <see cref="RestartWaitMilliseconds"/> for a writer or a reader
/// in its way, then gives up until the next tick.
/// </summary>
public sealed partial class WalCheckpointer(IServiceScopeFactory scopes, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long RESTART may hold off writers while it waits for readers on an older snapshot.</summary>
    private const int RestartWaitMilliseconds = 20;

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
                    command.CommandText =
                        $"PRAGMA busy_timeout={RestartWaitMilliseconds}; PRAGMA wal_checkpoint(PASSIVE); PRAGMA wal_checkpoint(RESTART);";
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying in a second")]
    private partial void LogCheckpointFailed(Exception exception);
}
