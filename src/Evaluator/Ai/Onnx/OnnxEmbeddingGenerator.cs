using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Evaluator.Ai;

/// <summary>
/// Sentence embeddings from a sentence-transformers ONNX export (all-MiniLM-L6-v2, bge-small-en-v1.5):
/// BERT word pieces in, last_hidden_state out, mean pooling over the attention mask, L2 normalisation.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly int maxTokens;
    private readonly int batchSize;
    private readonly bool takesTokenTypes;
    private readonly string outputName;
    private readonly EmbeddingGeneratorMetadata metadata;

    public OnnxEmbeddingGenerator(string modelPath, string vocabPath, int maxTokens = 256, int batchSize = 32, string modelId = "onnx")
    {
        using var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        session = new InferenceSession(modelPath, sessionOptions);
        tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        outputName = session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First();
        Dimensions = session.OutputMetadata[outputName].Dimensions[^1];
        metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(modelPath)), modelId, Dimensions);
    }

    /// <summary>From Ai:Onnx; a missing file is an error that names the pull command.</summary>
    public static OnnxEmbeddingGenerator Create(OnnxOptions onnx)
    {
        if (OnnxModelFiles.Missing(onnx) is { } missing) throw new FileNotFoundException(missing);
        return new OnnxEmbeddingGenerator(onnx.ModelFile, onnx.VocabFile, onnx.MaxTokens, onnx.BatchSize, onnx.Model);
    }

    /// <summary>Length of every embedding (384 for MiniLM and bge-small).</summary>
    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var vector in Embed(texts, cancellationToken))
            result.Add(new Embedding<float>(vector) { ModelId = metadata.DefaultModelId, CreatedAt = DateTimeOffset.UtcNow });
        return Task.FromResult(result);
    }

    /// <summary>Unit-length vectors, one per text, in order; texts run through the model in batches.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, texts.Count - start);
            var batch = Encode(texts, start, count);
            RunBatch(batch, vectors, start);
        }
        return vectors;
    }

    /// <summary>Token ids of one batch, padded to its longest text: the tensors the model takes.</summary>
    internal EncodedBatch Encode(IReadOnlyList<string> texts, int start, int count)
    {
        var ids = new IReadOnlyList<int>[count];
        var length = 1;
        for (var i = 0; i < count; i++)
        {
            ids[i] = tokenizer.EncodeToIds(texts[start + i], maxTokens, addSpecialTokens: true, out _, out _);
            length = Math.Max(length, ids[i].Count);
        }
        var inputIds = new long[count * length];
        var mask = new long[count * length];
        for (var i = 0; i < count; i++)
            for (var t = 0; t < ids[i].Count; t++)
            {
                inputIds[i * length + t] = ids[i][t];
                mask[i * length + t] = 1;
            }
        // Padding positions keep id 0 ([PAD] in BERT vocabularies) and mask 0.
        return new EncodedBatch(count, length, inputIds, mask, new long[count * length]);
    }

    internal IDisposableReadOnlyCollection<OrtValue> Run(EncodedBatch batch)
    {
        long[] shape = [batch.Count, batch.Length];
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape);
        using var runOptions = new RunOptions();
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = ids, ["attention_mask"] = mask };
        if (takesTokenTypes) inputs["token_type_ids"] = types;
        return session.Run(runOptions, inputs, [outputName]);
    }

    private void RunBatch(EncodedBatch batch, float[][] vectors, int offset)
    {
        using var outputs = Run(batch);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var size = Dimensions;
        for (var i = 0; i < batch.Count; i++)
        {
            var vector = new float[size];
            var tokens = 0;
            for (var t = 0; t < batch.Length; t++)
            {
                if (batch.AttentionMask[i * batch.Length + t] == 0) continue;
                tokens++;
                var row = hidden.Slice((i * batch.Length + t) * size, size);
                for (var d = 0; d < size; d++) vector[d] += row[d];
            }
            var norm = 0f;
            for (var d = 0; d < size; d++)
            {
                vector[d] /= Math.Max(tokens, 1);
                norm += vector[d] * vector[d];
            }
            norm = MathF.Sqrt(norm);
            if (norm > 0) for (var d = 0; d < size; d++) vector[d] /= norm;
            vectors[offset + i] = vector;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => session.Dispose();
}

/// <summary>One batch as the model takes it: row-major [Count, Length] tensors.</summary>
internal sealed record EncodedBatch(int Count, int Length, long[] InputIds, long[] AttentionMask, long[] TokenTypeIds);
