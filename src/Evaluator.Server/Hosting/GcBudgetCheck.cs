using System.Runtime;

namespace Evaluator.Server.Hosting;

/// <summary>
/// Warns at start when the server GC will keep its young generation at its floor: it sizes it from the CPU's cache
/// size, and on a machine that reports none (some VMs) it gave memory back after each collection and faulted it in
/// again, which made batches through the API 1.7 times the in-process time instead of 1.3-1.4 (bench/README.md).
/// The fix is an environment variable, which only whoever starts the process can set.
/// </summary>
public sealed partial class GcBudgetCheck(ILogger<GcBudgetCheck> logger) : IHostedService
{
    public const string Variable = "DOTNET_GCgen0size";

    public static string? Advice(bool serverGc, bool cachesReported, string? gen0Size) =>
        serverGc && !cachesReported && string.IsNullOrWhiteSpace(gen0Size)
            ? $"This machine reports no CPU cache sizes, so the server GC keeps its young generation small and batches grade up to a quarter slower; set {Variable}=0x8000000 in the server's environment (README: Running it under batch load)."
            : null;

    /// <summary>Linux lists each CPU's caches here; other systems are not second-guessed.</summary>
    private static bool CachesReported() => !OperatingSystem.IsLinux() || Directory.Exists("/sys/devices/system/cpu/cpu0/cache");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Advice(GCSettings.IsServerGC, CachesReported(), Environment.GetEnvironmentVariable(Variable)) is { } advice) LogAdvice(advice);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Advice}")]
    private partial void LogAdvice(string advice);
}
