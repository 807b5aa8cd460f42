using Microsoft.Data.Sqlite;

namespace Evaluator.Tests.Infrastructure;

/// <summary>A SQLite file of its own in a fresh temp folder, deleted (with its -wal and -shm files) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("evaluator-tests-").FullName;
        Path = System.IO.Path.Combine(Folder, "evaluator.db");
    }

    public string Folder { get; }
    public string Path { get; }
    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server process still shutting down may hold the file a moment longer; the OS temp cleaner takes it.
        }
    }
}
