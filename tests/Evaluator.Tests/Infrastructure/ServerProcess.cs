using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Evaluator.Tests.Infrastructure;

/// <summary>
/// The built server (src/Evaluator.Server/bin/&lt;configuration&gt;/net10.0/Evaluator.Server.dll) as a real process on
/// 127.0.0.1 and a free port, with its own SQLite file. Kill() is a SIGKILL of the whole process tree; RestartAsync()
/// brings it back on the same port and database. Output keeps stdout and stderr for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly TempDatabase? ownDatabase;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    private ServerProcess(IReadOnlyDictionary<string, string> settings, string? databasePath)
    {
        this.settings = settings;
        if (databasePath is null) ownDatabase = new TempDatabase();
        DatabasePath = databasePath ?? ownDatabase!.Path;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
    }

    /// <summary>Where the server listens; the same across restarts.</summary>
    public Uri BaseAddress { get; }

    public string DatabasePath { get; }

    /// <summary>Everything the server wrote so far, stdout and stderr interleaved, across restarts.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The server's project folder: its content root, so appsettings.json and wwwroot are the source ones.</summary>
    public static string ProjectFolder => Path.Combine(TestPaths.RepoRoot, "src", "Evaluator.Server");

    /// <summary>The server binary built in the same configuration (Debug or Release) as these tests.</summary>
    public static string ServerDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
            return Path.Combine(ProjectFolder, "bin", configuration, "net10.0", "Evaluator.Server.dll");
        }
    }

    /// <param name="settings">Configuration keys ("Interview:MaxTurns") passed as environment variables.</param>
    /// <param name="databasePath">A SQLite file to reuse; by default a fresh one, deleted on dispose.</param>
    public static async Task<ServerProcess> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, string? databasePath = null, CancellationToken cancellationToken = default)
    {
        var server = new ServerProcess(settings ?? new Dictionary<string, string>(), databasePath);
        try
        {
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    /// <summary>SIGKILL to the server and everything it started: no shutdown hooks, no flushing.</summary>
    public void Kill()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        process = null;
        output.Enqueue("--- killed ---");
    }

    /// <summary>Kills the server if it still runs, then starts it again on the same port and database.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        Kill();
        output.Enqueue("--- restarting ---");
        await LaunchAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        ownDatabase?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerDll)) throw new InvalidOperationException($"Server not built: {ServerDll} is missing. Build the solution first.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ConnectionStrings__Evaluator"] = $"Data Source={DatabasePath}";
        start.Environment["Rubrics__Path"] = TestPaths.Rubrics;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(cancellationToken);
    }

    /// <summary>Polls GET /health until it answers 200, the process exits, or the start timeout passes.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process is null || process.HasExited)
                throw new InvalidOperationException($"Server exited during start (code {process?.ExitCode}). Output:\n{Output}");
            try
            {
                using var response = await http.GetAsync(Url("health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first request on a busy machine; try again.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"Server did not answer GET /health within {StartTimeout.TotalSeconds} s. Output:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
