namespace Evaluator.Ai;

/// <summary>
/// Sentence-embedding models `evaluator models pull` knows, each pinned to a URL and SHA-256.
/// Ai:Onnx:Downloads:&lt;name&gt; replaces an entry (a mirror, or a test server).
/// </summary>
public static class ModelCatalog
{
    private const string BgeRevision = "5c38ec7c405ec4b44b94cc5a9bb96e735b38267a";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ModelDownload>> Pinned = new Dictionary<string, IReadOnlyList<ModelDownload>>(StringComparer.Ordinal)
    {
        // The archive chroma-core/chroma downloads for ONNXMiniLM_L6_V2: onnx/model.onnx and onnx/vocab.txt.
        ["all-minilm-l6-v2"] =
        [
            new() { Url = "https://chroma-onnx-models.s3.amazonaws.com/all-MiniLM-L6-v2/onnx.tar.gz", Sha256 = "913d7300ceae3b2dbc2c50d1de4baacab4be7b9380491c27fab7418616a16ec3" },
        ],
        // BAAI's own fp32 export at a fixed revision.
        ["bge-small-en-v1.5"] =
        [
            new() { Url = $"https://huggingface.co/BAAI/bge-small-en-v1.5/resolve/{BgeRevision}/onnx/model.onnx", Sha256 = "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35", FileName = "model.onnx" },
            new() { Url = $"https://huggingface.co/BAAI/bge-small-en-v1.5/resolve/{BgeRevision}/vocab.txt", Sha256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", FileName = "vocab.txt" },
        ],
    };

    public static IEnumerable<string> Names => Pinned.Keys;

    /// <summary>The downloads for a model name: the configured override, else the pinned entry; null if unknown.</summary>
    public static IReadOnlyList<ModelDownload>? Sources(string name, OnnxOptions options) =>
        options.Downloads.TryGetValue(name, out var configured) && configured.Count > 0 ? configured
        : Pinned.TryGetValue(name, out var pinned) ? pinned
        : null;
}
