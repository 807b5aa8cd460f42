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
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new PageServer(process, database, address);
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
