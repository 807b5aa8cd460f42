using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evaluator.Data;

/// <summary>
/// Copies the write-ahead log back into the database file every second, off the request path (connections have
/// automatic checkpoints turned off, see <see cref="SqlitePragmas"/>). PASSIVE never blocks readers or writers:
/// what a running reader still needs is copied on a later tick.
/// </summary>
public sealed partial class WalCheckpointer(IServiceScopeFactory scopes, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<EvaluatorDb>().Database
                    .ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                // The log is still durable; the next tick tries again.
                LogCheckpointFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying in a second")]
    private partial void LogCheckpointFailed(Exception exception);
}
