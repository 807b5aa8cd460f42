using System.Diagnostics;
using Evaluator.Server.Hosting;
using Evaluator.Tests.Infrastructure;

namespace Evaluator.Tests.Hosting;

/// <summary>The real server binary, started the way a user starts it, with a setting or a rubric that cannot work.</summary>
public sealed class ServerStartTests : IDisposable
{
    private readonly string rubrics = Directory.CreateTempSubdirectory("evaluator-bad-rubrics-").FullName;

    public void Dispose() => Directory.Delete(rubrics, recursive: true);

    [Fact]
    public async Task Bad_setting_stops_the_server_with_one_plain_line_and_exit_code_2()
    {
        var (exitCode, output) = await RunServerAsync(new() { ["Interview__MaxTurns"] = "0" });

        Assert.Equal(ServerStart.BadConfiguration, exitCode);
        Assert.Contains("Interview:MaxTurns must be between 1 and 1000.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_rubric_stops_the_server_with_its_file_and_line()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Rubrics, "*.yaml")) File.Copy(file, Path.Combine(rubrics, Path.GetFileName(file)));
        var broken = Path.Combine(rubrics, "news-feed.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("title: News feed ranking", "title: News feed ranking\ntitel: typo", StringComparison.Ordinal));

        var (exitCode, output) = await RunServerAsync(new() { ["Rubrics__Path"] = rubrics });

        Assert.Equal(ServerStart.BadConfiguration, exitCode);
        Assert.Contains($"{broken}:4: unknown key 'titel'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunServerAsync(Dictionary<string, string> environment)
    {
        var database = Path.Combine(Path.GetTempPath(), $"evaluator-start-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ServerProcess.ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerProcess.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ConnectionStrings__Evaluator"] = $"Data Source={database}";
        start.Environment.TryAdd("Rubrics__Path", TestPaths.Rubrics);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
