using System.Diagnostics;
using System.Globalization;

namespace Evaluator.Benchmarks;

/// <summary>
/// The batch API comparison with its rounds interleaved: in process, submit-wait-download, in process, submit-follow,
/// and again, so a machine that slows down or speeds up over the minutes of a run (a shared VM) weighs on every
/// method alike. BenchmarkDotNet measures one method's rounds after another's; on a noisy day its ratios moved by
/// 0.2 between runs of the same code. Reports the medians and their ratios.
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
            for (var round = 0; round < rounds; round++)
            {
                await TimeAsync("InProcessScorer", benchmarks.InProcessScorer);
                await TimeAsync("HttpApi", benchmarks.HttpApi);
                await TimeAsync("InProcessScorer", benchmarks.InProcessScorer);
                await TimeAsync("HttpApiFollowingResults", benchmarks.HttpApiFollowingResults);
            }
            var baseline = Median(times["InProcessScorer"]);
            Console.WriteLine($"{rounds} interleaved rounds, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; median per 1,000-answer batch:");
            foreach (var (method, list) in times)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {method,-24} {Median(list),7:F1} ms  ratio {Median(list) / baseline:F2}  (n={list.Count}, min {list.Min():F1}, max {list.Max():F1})"));

            async Task TimeAsync(string method, Func<Task<int>> run)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                times[method].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
