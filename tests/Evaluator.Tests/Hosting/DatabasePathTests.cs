using Evaluator.Hosting;
using Microsoft.Data.Sqlite;

namespace Evaluator.Tests.Hosting;

public sealed class DatabasePathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("evaluator-dbpath-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    [Fact]
    public void Relative_file_in_a_checkout_lives_at_its_root_wherever_the_process_starts()
    {
        File.WriteAllText(Path.Combine(root, DatabasePath.SolutionFile), "");
        var serverProject = Directory.CreateDirectory(Path.Combine(root, "src", "Evaluator.Server")).FullName;

        var fromServer = DatabasePath.Resolve("Data Source=evaluator.db", serverProject);
        var fromRoot = DatabasePath.Resolve("Data Source=evaluator.db", root);

        Assert.Equal(Path.Combine(root, "evaluator.db"), FileOf(fromServer));
        Assert.Equal(FileOf(fromServer), FileOf(fromRoot));
    }

    [Fact]
    public void Relative_file_outside_a_checkout_stays_in_the_current_folder()
    {
        var resolved = DatabasePath.Resolve("Data Source=data/evaluator.db;Cache=Shared", root);

        Assert.Equal(Path.Combine(root, "data", "evaluator.db"), FileOf(resolved));
        Assert.Equal(SqliteCacheMode.Shared, new SqliteConnectionStringBuilder(resolved).Cache);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=|DataDirectory|evaluator.db")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void Memory_databases_and_the_data_directory_macro_are_left_alone(string connectionString)
    {
        Assert.Equal(connectionString, DatabasePath.Resolve(connectionString, root));
    }

    [Fact]
    public void Absolute_file_is_left_alone()
    {
        var absolute = $"Data Source={Path.Combine(root, "x.db")}";

        Assert.Equal(absolute, DatabasePath.Resolve(absolute, root));
    }
}
