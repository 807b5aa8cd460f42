using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evaluator.Data;

/// <summary>
/// synchronous=NORMAL is per connection, so it is set on every open. With the WAL journal (set once by
/// MigrateAndConfigure) a commit no longer waits for fsync yet still survives a killed process; only a power
/// loss can take back the last commits, and a batch item rolled back that way is simply pending and graded again.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
