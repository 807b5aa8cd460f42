using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

public sealed partial class EvaluatorDb
{
    /// <summary>
    /// Creates or upgrades the database and turns on write-ahead logging, so the batch worker's
    /// writes do not block readers (the API, the CLI) of the same file.
    /// </summary>
    public void MigrateAndConfigure()
    {
        Database.Migrate();
        Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}
