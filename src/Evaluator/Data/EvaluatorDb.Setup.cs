using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

public sealed partial class EvaluatorDb
{
    /// <summary>
    /// SQLite's page size for this database. Batch answers and results are 4-10 KB rows: at the default 4 KB
    /// page each one spills into overflow pages and splits a leaf, which made storing a batch's results about
    /// ten times slower than at 64 KB (bench/README.md, "Batch API").
    /// </summary>
    public const int PageSize = 65536;

    /// <summary>
    /// Creates or upgrades the database and turns on write-ahead logging, so the batch worker's
    /// writes do not block readers (the API, the CLI) of the same file. A database made with smaller
    /// pages is rebuilt once with <see cref="PageSize"/> when nothing else has it open.
    /// </summary>
    public void MigrateAndConfigure()
    {
        Database.OpenConnection();
        try
        {
            // Takes effect only while the file has no tables yet, i.e. for a new database.
            Database.ExecuteSqlRaw($"PRAGMA page_size={PageSize};");
            Database.Migrate();
            if (Pragma("page_size") < PageSize) TryRebuildWithLargePages();
            // Also after a failed rebuild, which may have left the journal in DELETE mode.
            Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        finally
        {
            Database.CloseConnection();
        }
    }

    private long Pragma(string name)
    {
        using var command = Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void TryRebuildWithLargePages()
    {
        // Leaving WAL needs the file to itself: wait a moment for that, not the default 30 s. Both waits are set:
        // SQLite's busy handler (the connection's busy_timeout) and Microsoft.Data.Sqlite's retries (the command timeout).
        var timeout = Database.GetCommandTimeout();
        Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
        try
        {
            Database.ExecuteSqlRaw("PRAGMA busy_timeout=1000;");
            // A WAL database keeps its page size; VACUUM outside WAL rewrites it with the new one.
            Database.ExecuteSqlRaw("PRAGMA journal_mode=DELETE;");
            Database.ExecuteSqlRaw($"PRAGMA page_size={PageSize};");
            Database.ExecuteSqlRaw("VACUUM;");
        }
        catch (SqliteException)
        {
            // Busy or locked (another process has the file open), or no room for the copy VACUUM writes: the
            // database works as it is, with its old pages, and the next start tries again.
        }
        finally
        {
            Database.ExecuteSqlRaw($"PRAGMA busy_timeout={SqlitePragmas.BusyTimeoutMilliseconds};");
            Database.SetCommandTimeout(timeout);
        }
    }
}
