using BenchmarkDotNet.Attributes;
using Evaluator.Ai;

namespace Evaluator.Benchmarks;

/// <summary>
/// Target: the generator (tokenise, batch, run, mean-pool, normalise) costs at most 1.2x a raw InferenceSession.Run on
/// the same already-encoded inputs. Model: the MiniLM-sized stand-in from make_tiny_bert.py (see bench/README.md).
/// </summary>
[MemoryDiagnoser]
public class OnnxEmbeddingBenchmarks : IDisposable
{
    private static readonly string[] Sentences =
    [
        "We optimise a weighted sum of predicted likes, comments and shares, weighting comments higher because they signal meaningful interaction.",
        "Offline we use per-head ROC-AUC and log loss on a time-based split held out by week.",
        "Each impression is an example; a like within 24 hours is a positive, impressions without interaction are negatives.",
        "A multi-task neural network with shared layers and one head per reaction type.",
        "We gather 1,500 candidates, rank them with a light model, then the heavy model within 100 ms.",
        "We watch feature distributions and alert when the population stability index passes 0.2.",
        "Daily dashboards of feature and score distributions with per-head calibration checks.",
        "Retrain the model every day on the most recent week of impressions.",
    ];

    private OnnxEmbeddingGenerator generator = null!;
    private EncodedBatch batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("EVALUATOR_BENCH_MODEL") ?? Path.Combine(RepoRoot(), "artifacts", "bench-bert");
        if (!File.Exists(Path.Combine(folder, "model.onnx")))
            throw new FileNotFoundException($"No benchmark model in {folder}: run /usr/bin/python3 tests/Evaluator.Tests/Assets/make_tiny_bert.py --hidden 384 --layers 9 --out artifacts/bench-bert");
        generator = new OnnxEmbeddingGenerator(Path.Combine(folder, "model.onnx"), Path.Combine(folder, "vocab.txt"), maxTokens: 128, batchSize: Sentences.Length);
        batch = generator.Encode(Sentences, 0, Sentences.Length);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        generator?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int RawSessionRun()
    {
        using var outputs = generator.Run(batch);
        return outputs.Count;
    }

    [Benchmark]
    public int Generator() => generator.Embed(Sentences).Length;

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Evaluator.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
