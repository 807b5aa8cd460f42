using System.Diagnostics;
using System.Globalization;

namespace Evaluator.Benchmarks;

/// <summary>
/// The batch API comparison with its rounds interleaved: in process, submit-wait-download, in process, submit-follow,
/// and again, so a machine that slows down or speeds up over the minutes of a run (a shared VM) weighs on every
/// method alike. BenchmarkDotNet measures one method's rounds after another's; on a noisy day its ratios moved by
/// 0.2 between runs of the same code. Reports the medians and their ratios, of wall time and of the process's CPU
/// time: on a machine whose cores grading keeps busy, the two ratios agree when what the API adds is work (receiving,
/// storing, sending) rather than waiting. Background work (the WAL checkpoint every second) lands in whichever round
/// is running, in process or not.
/// </summary>
internal static class InterleavedBatchApiRun
{
    public const string Command = "interleaved-batch-api";

    public static async Task RunAsync(int rounds)
    {
        using var benchmarks = new BatchApiBenchmarks();
        benchmarks.Setup();
        try
        {
            var times = new Dictionary<string, List<double>> { ["InProcessScorer"] = [], ["HttpApi"] = [], ["HttpApiFollowingResults"] = [] };
            var cpu = times.Keys.ToDictionary(method => method, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                await TimeAsync("InProcessScorer", benchmarks.InProcessScorer);
                await TimeAsync("HttpApi", benchmarks.HttpApi);
                await TimeAsync("InProcessScorer", benchmarks.InProcessScorer);
                await TimeAsync("HttpApiFollowingResults", benchmarks.HttpApiFollowingResults);
            }
            var baseline = Median(times["InProcessScorer"]);
            var cpuBaseline = Median(cpu["InProcessScorer"]);
            Console.WriteLine($"{rounds} interleaved rounds, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; median per 1,000-answer batch:");
            foreach (var (method, list) in times)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {method,-24} {Median(list),7:F1} ms  ratio {Median(list) / baseline:F2}  (n={list.Count}, min {list.Min():F1}, max {list.Max():F1})" +
                    $"  CPU {Median(cpu[method]),6:F1} ms  ratio {Median(cpu[method]) / cpuBaseline:F2}"));

            async Task TimeAsync(string method, Func<Task<int>> run)
            {
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var started = Stopwatch.GetTimestamp();
                await run();
                times[method].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                cpu[method].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
