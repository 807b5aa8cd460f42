using Evaluator.Ai;
using Evaluator.Scoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Tests.Ai;

/// <summary>The ONNX embedding generator and the hybrid scorer on the tiny BERT-shaped model the repo ships.</summary>
public sealed class OnnxTests : IDisposable
{
    public static string TinyBert => Path.Combine(TestPaths.RepoRoot, "tests", "Evaluator.Tests", "Assets", "tiny-bert");

    private readonly string cacheFolder = Path.Combine(Path.GetTempPath(), "evaluator-onnx-" + Guid.NewGuid().ToString("N"));

    private static OnnxEmbeddingGenerator Generator(int batchSize = 32, int maxTokens = 64) =>
        new(Path.Combine(TinyBert, "model.onnx"), Path.Combine(TinyBert, "vocab.txt"), maxTokens, batchSize);

    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static readonly string[] Texts =
    [
        "We watch feature distributions and alert on drift.",
        "A multi task neural network with one head per reaction type",
        "offline metrics",
        "We gather candidates, rank them with a light model, then the heavy model within the latency budget.",
        "people come back to the app",
    ];

    [Fact]
    public void Each_text_gets_one_unit_length_vector_of_the_model_hidden_size()
    {
        using var generator = Generator();

        var vectors = generator.Embed(Texts);

        Assert.Equal(32, generator.Dimensions);
        Assert.Equal(Texts.Length, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(32, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, MathF.Sqrt(v.Sum(x => x * x)), 4));
    }

    [Fact]
    public void Padding_in_a_batch_does_not_change_a_short_text_embedding()
    {
        using var generator = Generator();

        var alone = generator.Embed(["offline metrics"])[0];
        var padded = generator.Embed(["offline metrics", Texts[3]])[0];

        // The tiny model writes a large constant at padded positions: pooling must skip them.
        Assert.Equal(alone, padded, (x, y) => Math.Abs(x - y) < 1e-5f);
    }

    [Fact]
    public void Batch_size_does_not_change_the_vectors_and_runs_are_deterministic()
    {
        using var oneByOne = Generator(batchSize: 1);
        using var inTwos = Generator(batchSize: 2);

        var first = oneByOne.Embed(Texts);
        var second = inTwos.Embed(Texts);
        var again = inTwos.Embed(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(first[i], second[i], (x, y) => Math.Abs(x - y) < 1e-5f);
            Assert.Equal(second[i], again[i]);
        }
    }

    [Fact]
    public void Long_texts_are_truncated_to_the_token_limit()
    {
        using var generator = Generator(maxTokens: 8);

        var batch = generator.Encode([string.Join(' ', Enumerable.Repeat("model", 50))], 0, 1);

        Assert.Equal(8, batch.Length);
        Assert.Equal(2L, batch.InputIds[0]); // [CLS] leads, as in BERT
    }

    [Fact]
    public void Sentences_sharing_words_are_closer_than_unrelated_ones()
    {
        using var generator = Generator();

        var v = generator.Embed(["we alert when feature distributions drift", "alert on drift in feature distributions", "a multi task neural network"]);

        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2f, $"{Cosine(v[0], v[1])} vs {Cosine(v[0], v[2])}");
    }

    [Fact]
    public async Task Kernel_serves_the_generator_as_a_Microsoft_Extensions_AI_embedding_generator()
    {
        await using var services = OnnxServices();
        var kernel = services.GetRequiredService<Kernel>();

        var generator = kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embeddings = await generator.GenerateAsync(Texts[..2]);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(32, embeddings[0].Vector.Length);
        Assert.Equal("all-minilm-l6-v2", embeddings[0].ModelId);
    }

    [Fact]
    public async Task Missing_model_files_stop_the_start_with_the_pull_command()
    {
        await using var services = AiTestHost.Build(null, new Dictionary<string, string?>
        {
            ["Ai:Scorer"] = "onnx", ["Ai:Onnx:ModelsPath"] = cacheFolder,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("evaluator models pull all-minilm-l6-v2", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cacheFolder, "all-minilm-l6-v2", "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hybrid_scorer_finds_a_paraphrase_the_concept_lists_miss()
    {
        // The tiny test model only knows shared word pieces, so its similarities are low: a lower threshold stands in
        // for what a real sentence model scores for a true paraphrase.
        await using var services = OnnxServices(threshold: "0.5");
        var rubric = AiTestHost.NewsFeed(services);
        // No concept phrase of drift-and-decay (drift, dashboard, alert, ...) appears, and too few of its exemplar's
        // rare words for the local scorer's own paraphrase matching; the embedding still finds it.
        const string answer = "Each day we compare feature and score spreads and the stability number with a limit.";
        var local = await services.GetRequiredKeyedService<IAnswerScorer>("local").ScoreAsync("a-1", rubric, answer);

        var hybrid = await services.GetRequiredKeyedService<IAnswerScorer>("onnx").ScoreAsync("a-1", rubric, answer);

        Assert.Contains(local.Dimensions["monitoring"].Missing, m => m.Id == "drift-and-decay");
        Assert.Equal("onnx", hybrid.Scorer);
        var found = Assert.Single(hybrid.Dimensions["monitoring"].Criteria, c => c.Id == "drift-and-decay");
        Assert.InRange(found.Level, 1, 3);
        Assert.All(found.Evidence, quote => Assert.Contains(quote, answer, StringComparison.Ordinal));
        Assert.True(hybrid.Overall > local.Overall);
        // Unrelated criteria gain nothing.
        Assert.Equal(local.Dimensions.Values.Sum(d => d.Criteria.Count) + 1, hybrid.Dimensions.Values.Sum(d => d.Criteria.Count));
    }

    [Fact]
    public async Task Hybrid_scorer_keeps_one_sentence_at_a_mention_as_the_local_scorer_does()
    {
        await using var services = OnnxServices(threshold: "0.5");
        var rubric = AiTestHost.NewsFeed(services);
        const string answer = "Each day we compare feature and score spreads and the stability number with a limit of 0.2, "
                              + "because a shift that large means the ranker has gone stale.";

        var hybrid = await services.GetRequiredKeyedService<IAnswerScorer>("onnx").ScoreAsync("a-1", rubric, answer);

        Assert.Equal("onnx", hybrid.Scorer);
        Assert.Contains(hybrid.Dimensions["monitoring"].Criteria, c => c.Id == "drift-and-decay");
        Assert.All(hybrid.Dimensions.Values, d => Assert.True(d.Level <= 1, $"level {d.Level}"));
    }

    [Fact]
    public async Task Hybrid_scorer_still_gives_zero_to_a_dimension_the_answer_dismisses()
    {
        await using var services = OnnxServices();
        var rubric = AiTestHost.NewsFeed(services);
        const string answer = "Each day we watch feature and score distributions and the population stability index against a threshold.\n\nWe don't need monitoring.";

        var hybrid = await services.GetRequiredKeyedService<IAnswerScorer>("onnx").ScoreAsync("a-1", rubric, answer);

        Assert.Equal(0, hybrid.Dimensions["monitoring"].Score);
        Assert.Empty(hybrid.Dimensions["monitoring"].Criteria);
    }

    [Fact]
    public async Task Criterion_embeddings_are_cached_on_disk_per_rubric_version()
    {
        await using var services = OnnxServices();
        var rubric = AiTestHost.NewsFeed(services);

        var first = services.GetRequiredService<CriterionEmbeddingCache>().For(rubric);
        var files = Directory.GetFiles(Path.Combine(cacheFolder, "cache", "all-minilm-l6-v2"));
        await using var restarted = OnnxServices();
        var second = restarted.GetRequiredService<CriterionEmbeddingCache>().For(rubric);

        var file = Assert.Single(files);
        Assert.StartsWith("news-feed-v" + rubric.Version + "-", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.Equal(first["drift-and-decay"][1], second["drift-and-decay"][1]);
    }

    private ServiceProvider OnnxServices(string threshold = "0.6") => AiTestHost.Build(null, new Dictionary<string, string?>
    {
        ["Ai:Scorer"] = "onnx",
        ["Ai:Onnx:ModelsPath"] = cacheFolder,
        ["Ai:Onnx:ModelPath"] = Path.Combine(TinyBert, "model.onnx"),
        ["Ai:Onnx:SimilarityThreshold"] = threshold,
    });

    public void Dispose()
    {
        if (Directory.Exists(cacheFolder)) Directory.Delete(cacheFolder, recursive: true);
    }
}
