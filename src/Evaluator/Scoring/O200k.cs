using Microsoft.ML.Tokenizers;

namespace Evaluator.Scoring;

/// <summary>The o200k BPE encoding, loaded once per process on first use (about half a second and 40 MB).</summary>
internal static class O200k
{
    private static readonly Lazy<Tokenizer> Encoding = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public static Tokenizer Tokenizer => Encoding.Value;
}
