using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evaluator.Rubrics;

namespace Evaluator.Ai;

/// <summary>
/// Embeddings of each criterion's description and exemplar, computed once per case rubric version and model,
/// kept in memory and on disk (ModelsPath/cache). The file name carries a hash of the texts, so an edited
/// rubric never reuses stale vectors even when its version was not bumped.
/// </summary>
public sealed class CriterionEmbeddingCache(OnnxEmbeddingGenerator generator, OnnxOptions options)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, float[][]>> memory = new(StringComparer.Ordinal);

    public string Folder => Path.Combine(options.ModelsPath, "cache", options.Model);

    /// <summary>Criterion id to its reference vectors (description, exemplar).</summary>
    public IReadOnlyDictionary<string, float[][]> For(CaseRubric rubric)
    {
        var texts = rubric.AllCriteria().ToDictionary(c => c.Criterion.Id, c => ReferenceTexts(c.Criterion), StringComparer.Ordinal);
        var key = $"{rubric.Id}-v{rubric.Version}-{Hash(texts)}";
        return memory.GetOrAdd(key, k => LoadOrCompute(k, texts));
    }

    internal static string[] ReferenceTexts(Criterion criterion) => [criterion.Description.Trim(), criterion.Exemplar.Trim()];

    private Dictionary<string, float[][]> LoadOrCompute(string key, Dictionary<string, string[]> texts)
    {
        var path = Path.Combine(Folder, key + ".json");
        if (File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<Dictionary<string, float[][]>>(File.ReadAllText(path));
                if (stored is not null && stored.Count == texts.Count) return stored;
            }
            catch (JsonException)
            {
                // A damaged cache file is recomputed below.
            }
        }
        var ids = texts.Keys.ToList();
        var flat = ids.SelectMany(id => texts[id]).ToList();
        var vectors = generator.Embed(flat);
        var result = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        var at = 0;
        foreach (var id in ids)
        {
            result[id] = vectors[at..(at + texts[id].Length)];
            at += texts[id].Length;
        }
        Directory.CreateDirectory(Folder);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(result));
        File.Move(temporary, path, overwrite: true);
        return result;
    }

    private static string Hash(Dictionary<string, string[]> texts)
    {
        var all = string.Join('\n', texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\t" + string.Join('\t', t.Value)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }
}
