using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evaluator.Data;

/// <summary>
/// Write-ahead logging with synchronous=NORMAL on every connection: readers run beside the one writer, and a commit
/// is an append to the log without an fsync. A commit is still in the OS's hands before SaveChanges returns, so a
/// killed process (SIGKILL) loses nothing; only a power cut can lose the last commits.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
