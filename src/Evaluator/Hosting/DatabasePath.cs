using Microsoft.Data.Sqlite;

namespace Evaluator.Hosting;

/// <summary>
/// Where a relative SQLite file lives. `dotnet run --project src/Evaluator.Server` starts the server in its project
/// folder while the CLI runs wherever it is called, so "Data Source=evaluator.db" meant two databases: a key made with
/// `evaluator keys create` was unknown to the server. In a checkout (a folder above with Evaluator.sln) a relative file
/// is resolved against the checkout's root; elsewhere, against the current folder, as SQLite does.
/// </summary>
public static class DatabasePath
{
    public const string SolutionFile = "Evaluator.sln";

    public static string Resolve(string connectionString, string currentFolder)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory || Path.IsPathRooted(file)
            || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || file.StartsWith("|DataDirectory|", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        builder.DataSource = Path.GetFullPath(Path.Combine(CheckoutRoot(currentFolder) ?? currentFolder, file));
        return builder.ConnectionString;
    }

    private static string? CheckoutRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }
}
