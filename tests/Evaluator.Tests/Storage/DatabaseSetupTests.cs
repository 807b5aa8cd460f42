using System.Text;
using Evaluator.Batches;
using Evaluator.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Evaluator.Tests.Storage;

public sealed class DatabaseSetupTests : IDisposable
{
    private const string ResultJson = """{"id":"a-1","case":"news-feed","overall":62,"quote":"it’s “quoted”"}""";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"evaluator-setup-{Guid.NewGuid():N}.db");

    [Fact]
    public void New_database_gets_64_KB_pages_and_write_ahead_logging()
    {
        // Act
        using (var db = Open()) db.MigrateAndConfigure();

        // Assert
        Assert.Equal(EvaluatorDb.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Query("PRAGMA page_size;"));
        Assert.Equal("wal", Query("PRAGMA journal_mode;"));
    }

    [Fact]
    public void Service_connections_wait_for_a_lock_inside_sqlite_and_leave_checkpoints_to_the_background()
    {
        // Arrange: the options the services use, interceptor included.
        using var db = new EvaluatorDb(new DbContextOptionsBuilder<EvaluatorDb>()
            .UseSqlite($"Data Source={path}").AddInterceptors(SqlitePragmas.Instance).Options);

        // Act
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();

        // Assert
        Assert.Equal("30000", Scalar(connection, "PRAGMA busy_timeout;"));
        Assert.Equal("0", Scalar(connection, "PRAGMA wal_autocheckpoint;"));
        Assert.Equal("1", Scalar(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public void Database_of_the_first_release_is_upgraded_to_large_pages_and_keeps_its_batch_results()
    {
        // Arrange: 4 KB pages, the first migration, a graded item whose result is TEXT.
        MakeFirstReleaseDatabase();

        // Act
        using (var db = Open()) db.MigrateAndConfigure();

        // Assert
        Assert.Equal(EvaluatorDb.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Query("PRAGMA page_size;"));
        Assert.Equal("wal", Query("PRAGMA journal_mode;"));
        using var check = Open();
        var item = check.BatchItems.AsNoTracking().Single();
        Assert.Equal(ItemState.Graded, item.State);
        Assert.Equal(ResultJson, Encoding.UTF8.GetString(item.Result!));
    }

    [Fact]
    public void Database_held_open_elsewhere_keeps_its_pages_and_still_starts()
    {
        // Arrange: another process (here, a connection of its own) has the file open.
        MakeFirstReleaseDatabase();
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using (var read = other.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM \"BatchItems\";";
            read.ExecuteScalar();
        }

        // Act
        using (var db = Open()) db.MigrateAndConfigure();

        // Assert: migrated, not rebuilt.
        Assert.Equal("4096", Query("PRAGMA page_size;"));
        using var check = Open();
        Assert.Equal(ResultJson, Encoding.UTF8.GetString(check.BatchItems.AsNoTracking().Single().Result!));
    }

    [Fact]
    public void Session_times_stored_with_an_offset_are_kept_and_ordered_by_instant_after_the_upgrade()
    {
        // Arrange: the release before sortable session times, which stored them as DateTimeOffset text.
        using (var old = Open())
        {
            old.GetService<IMigrator>().Migrate("20261203172138_InterviewRubricRevision");
            foreach (var (id, at) in new[] { ("s-a", "2026-12-01 10:00:00.5+00:00"), ("s-b", "2026-12-01 11:30:00+02:00"), ("s-c", "2026-12-01 10:15:00.1234567+00:00") })
                old.Database.ExecuteSqlRaw("""
                    INSERT INTO "InterviewSessions" ("Id", "CaseId", "OrganisationId", "ResumeTokenHash", "Step", "ProbesInStep", "UsedProbes",
                        "CandidateTurns", "TurnCount", "CreatedAt", "UpdatedAt")
                    VALUES ({0}, 'news-feed', 'acme', 'hash', 'clarify', 0, '[]', 0, 1, {1}, {1});
                    """, id, at);
        }

        // Act
        using (var db = Open()) db.MigrateAndConfigure();

        // Assert: ordered in SQL, newest first; 11:30 at +02:00 is 09:30 UTC, the oldest.
        using var check = Open();
        var listed = check.InterviewSessions.AsNoTracking().Where(s => s.OrganisationId == "acme")
            .OrderByDescending(s => s.CreatedAt).Select(s => new { s.Id, s.CreatedAt }).ToList();
        Assert.Equal(["s-c", "s-a", "s-b"], listed.Select(s => s.Id));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero).AddTicks(1_234_567), listed[0].CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, 500, TimeSpan.Zero), listed[1].CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), listed[2].CreatedAt);
    }

    private void MakeFirstReleaseDatabase()
    {
        using var db = Open();
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw("PRAGMA page_size=4096;");
        db.GetService<IMigrator>().Migrate("20261123180321_InitialCreate");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO "Batches" ("Id", "Organisation", "State", "InputFormat", "Scorer", "Total", "RubricsJson", "CreatedAt",
                "WebhookPending", "WebhookAttempts")
            VALUES ('b_1', 'acme', 2, 'jsonl', 'local', 1, '[]', '2026-11-23 18:00:00', 0, 0);
            """);
        db.Database.ExecuteSqlRaw("""
            INSERT INTO "BatchItems" ("BatchId", "Position", "ItemId", "CaseId", "Answer", "State", "ResultJson")
            VALUES ('b_1', 1, 'a-1', 'news-feed', 'We rank by predicted engagement.', 1, {0});
            """, ResultJson);
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Database.CloseConnection();
    }

    private EvaluatorDb Open() =>
        new(new DbContextOptionsBuilder<EvaluatorDb>().UseSqlite($"Data Source={path}").Options);

    private string Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return Scalar(connection, sql);
    }

    private static string Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
