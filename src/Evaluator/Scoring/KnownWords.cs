namespace Evaluator.Scoring;

/// <summary>
/// Whether a lower-case word is a word at all: one token of the o200k encoding with its leading space. A BPE vocabulary
/// learned from web text holds common English words whole, while letters shuffled inside words ("Rmtopucee engiebddms
/// dalyi") take three or four tokens each. Answers repeat their words, so each verdict is kept per thread, by a 64-bit
/// hash of the word (a shared dictionary of strings cost a fifth of a score), up to a bound that an endless stream of
/// new strings cannot pass.
/// </summary>
internal static class KnownWords
{
    private const int MaxKept = 100_000;
    private const int MaxLength = 40;

    [ThreadStatic]
    private static Dictionary<ulong, bool>? kept;

    public static bool IsWord(ReadOnlySpan<char> lower)
    {
        if (lower.Length > MaxLength) return false;
        var cache = kept ??= [];
        var key = Hash(lower);
        if (cache.TryGetValue(key, out var known)) return known;
        Span<char> spaced = stackalloc char[lower.Length + 1];
        spaced[0] = ' ';
        lower.CopyTo(spaced[1..]);
        known = O200k.Tokenizer.CountTokens(spaced, considerPreTokenization: false) == 1;
        if (cache.Count < MaxKept) cache[key] = known;
        return known;
    }

    /// <summary>FNV-1a: two of 100,000 words share a hash with odds of about one in four billion.</summary>
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
