using System.Diagnostics;
using Evaluator.Cli;

namespace Evaluator.Tests.Cli;

/// <summary>What one CLI invocation returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the `evaluator` command in-process (CliApp.RunAsync) or as a real process.</summary>
public static class CliRun
{
    public static async Task<CliResult> InProcessAsync(string[] args, string stdin = "", IDictionary<string, string?>? settings = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new Dictionary<string, string?> { ["Rubrics:Path"] = TestPaths.Rubrics, ["Ai:Scorer"] = "local" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var code = await CliApp.RunAsync(args, new StringReader(stdin), output, error, config);

        return new(code, output.ToString(), error.ToString());
    }

    /// <summary>`evaluator keys create` against a server's database; the key is its only stdout line.</summary>
    public static async Task<string> CreateKeyAsync(string databasePath, string organisation, string role) =>
        (await KeysAsync(databasePath, "create", "--org", organisation, "--role", role)).Output.Trim();

    /// <summary>`evaluator keys revoke` against a server's database, as a coach does from another process.</summary>
    public static Task RevokeKeyAsync(string databasePath, string organisation, string prefix) =>
        KeysAsync(databasePath, "revoke", "--org", organisation, prefix);

    private static async Task<CliResult> KeysAsync(string databasePath, params string[] args)
    {
        var result = await InProcessAsync(["keys", .. args],
            settings: new Dictionary<string, string?> { ["ConnectionStrings:Evaluator"] = $"Data Source={databasePath}" });
        if (result.ExitCode != 0) throw new InvalidOperationException($"keys {args[0]} failed ({result.ExitCode}): {result.Error}");
        return result;
    }

    /// <summary>Runs `dotnet Evaluator.Cli.dll args` with stdin, in a scratch working folder, bounded to a minute.</summary>
    public static async Task<CliResult> ProcessAsync(string[] args, string stdin, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Rubrics__Path"] = TestPaths.Rubrics, ["Ai__Scorer"] = "local" },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The CLI's entry assembly: copied next to the tests (the project reference brings its runtimeconfig),
    /// else the CLI project's own build output for the same configuration.
    /// </summary>
    public static string CliDll { get; } = FindCliDll();

    private static string FindCliDll()
    {
        var besideTests = Path.Combine(AppContext.BaseDirectory, "Evaluator.Cli.dll");
        if (File.Exists(besideTests) && File.Exists(Path.ChangeExtension(besideTests, ".runtimeconfig.json"))) return besideTests;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var projectOutput = Path.Combine(TestPaths.RepoRoot, "src", "Evaluator.Cli", "bin", configuration, "net10.0", "Evaluator.Cli.dll");
        return File.Exists(projectOutput)
            ? projectOutput
            : throw new FileNotFoundException($"Evaluator.Cli.dll not found beside the tests or at {projectOutput}.");
    }
}
