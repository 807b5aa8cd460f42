namespace Evaluator.Hosting;

/// <summary>Finds the rubrics/ and prompts/ folders: configured path, else ./name, else next to the binaries.</summary>
public static class ContentPaths
{
    public static string Resolve(string? configured, string defaultName)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var local = Path.Combine(Directory.GetCurrentDirectory(), defaultName);
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, defaultName);
    }
}
