using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evaluator.Data;

/// <summary>
/// Per-connection settings, applied on every open:
/// - synchronous=NORMAL: with the WAL journal (set once by MigrateAndConfigure) a commit no longer waits for fsync
///   yet still survives a killed process; only a power loss can take back the last commits, and a batch item rolled
///   back that way is simply pending and graded again.
/// - wal_autocheckpoint=0: the commit that crosses the WAL's size limit no longer copies the log back into the
///   database inside a request (about 6 ms a MB, fsync included); <see cref="WalCheckpointer"/> does it in the
///   background, and the last connection to close does it too (the CLI). journal_size_limit trims the log after.
/// - busy_timeout: a writer held off by another (a submission, the checkpointer's RESTART) waits inside SQLite, which
///   retries within milliseconds of the lock's release. Without it Microsoft.Data.Sqlite retries after 150 ms sleeps:
///   the batch worker's commit waited up to 150 ms past a 90 ms RESTART, every few batches. The 30 s is
///   Microsoft.Data.Sqlite's own default command timeout.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>How long a statement waits for a lock inside SQLite (busy_timeout).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864; PRAGMA busy_timeout=" + BusyTimeoutMilliseconds + ";";
        command.ExecuteNonQuery();
    }
}
