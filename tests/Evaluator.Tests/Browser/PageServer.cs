using System.Diagnostics;
using System.Text.RegularExpressions;
using Evaluator.Tests.Infrastructure;

namespace Evaluator.Tests.Browser;

/// <summary>Temporary: the built server as a real process on 127.0.0.1 with a port of its own and a SQLite file of its own.</summary>
public sealed partial class PageServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDatabase _database;

    private PageServer(Process process, TempDatabase database, Uri baseAddress)
    {
        _process = process;
        _database = database;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<PageServer> StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(TestPaths.RepoRoot, "src", "Evaluator.Server", "bin", configuration, "net10.0", "Evaluator.Server.dll");
        var database = new TempDatabase();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ConnectionStrings__Evaluator"] = database.ConnectionString;
        info.Environment["Rubrics__Path"] = TestPaths.Rubrics;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = Process.Start(info)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The server exited with code {process.ExitCode} before listening:\n{string.Join('\n', log)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new PageServer(process, database, address);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            database.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _database.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
