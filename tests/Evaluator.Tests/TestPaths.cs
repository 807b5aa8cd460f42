namespace Evaluator.Tests;

/// <summary>Locations of the repository's own files, found from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Rubrics => Path.Combine(RepoRoot, "rubrics");

    public static string DevSet => Path.Combine(RepoRoot, "..", "shared", "devset", "answers.jsonl");

    public static string HeldOut => Path.Combine(RepoRoot, "tests", "Evaluator.Tests", "Data", "heldout.jsonl");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Evaluator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Evaluator.sln not found above " + AppContext.BaseDirectory);
    }
}
