using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Evaluator.Benchmarks.Interviews;

/// <summary>
/// Per-call latencies of each benchmark, one list per iteration. The columns read only the last
/// <see cref="MeasuredIterations"/> iterations: the jitting and warm-up iterations before them are left out.
/// Works because the benchmarks run in process (InProcessEmitToolchain), so the columns see the same statics.
/// </summary>
public static class TurnLatencies
{
    public const int MeasuredIterations = 3;
    private static readonly ConcurrentDictionary<string, List<double[]>> Iterations = new();
    private static readonly ConcurrentDictionary<string, ConcurrentBag<double>> Current = new();

    public static void Record(string benchmark, double milliseconds) => Current.GetOrAdd(benchmark, _ => []).Add(milliseconds);

    public static void EndIteration(string benchmark)
    {
        if (Current.TryRemove(benchmark, out var samples)) Iterations.GetOrAdd(benchmark, _ => []).Add([.. samples]);
    }

    public static double? Percentile(string benchmark, double p)
    {
        if (!Iterations.TryGetValue(benchmark, out var iterations) || iterations.Count == 0) return null;
        var sorted = iterations.TakeLast(MeasuredIterations).SelectMany(s => s).Order().ToArray();
        return sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static int Count(string benchmark) =>
        Iterations.TryGetValue(benchmark, out var iterations) ? iterations.TakeLast(MeasuredIterations).Sum(s => s.Length) : 0;
}

/// <summary>A latency percentile of one benchmark's calls, in milliseconds.</summary>
public sealed class LatencyColumn(string name, double percentile) : IColumn
{
    public string Id => $"{nameof(LatencyColumn)}.{name}";
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => (int)(percentile * 100);
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{percentile:P0} of calls finished within this many milliseconds (measured iterations only)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        TurnLatencies.Percentile(benchmarkCase.Descriptor.WorkloadMethod.Name, percentile) is { } ms ? $"{ms:F2}" : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>A benchmark's p99 against the baseline's p99 in the same run: as a ratio and as a difference in ms.</summary>
public sealed class P99AgainstBaselineColumn(string baseline) : IColumn
{
    public string Id => nameof(P99AgainstBaselineColumn);
    public string ColumnName => "p99 vs echo p99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 100;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "p99 latency divided by the echo method's p99, and the difference in ms (goal: at most +5 ms)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var mine = TurnLatencies.Percentile(benchmarkCase.Descriptor.WorkloadMethod.Name, 0.99);
        var echo = TurnLatencies.Percentile(baseline, 0.99);
        return mine is null || echo is null or 0 ? "-" : $"{mine / echo:F2}x ({mine - echo:+0.00;-0.00} ms)";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
