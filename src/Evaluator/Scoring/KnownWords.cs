using System.Collections.Concurrent;

namespace Evaluator.Scoring;

/// <summary>
/// Whether a lower-case word is a word at all: one token of the o200k encoding with its leading space. A BPE vocabulary
/// learned from web text holds common English words whole, while letters shuffled inside words ("Rmtopucee engiebddms
/// dalyi") take three or four tokens each. Answers repeat their words, so each verdict is kept, up to a bound that an
/// endless stream of new strings cannot pass.
/// </summary>
internal static class KnownWords
{
    private const int MaxKept = 100_000;
    private const int MaxLength = 40;

    private static readonly ConcurrentDictionary<string, bool> Kept = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> Lookup = Kept.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsWord(ReadOnlySpan<char> lower)
    {
        if (lower.Length > MaxLength) return false;
        if (Lookup.TryGetValue(lower, out var known)) return known;
        Span<char> spaced = stackalloc char[lower.Length + 1];
        spaced[0] = ' ';
        lower.CopyTo(spaced[1..]);
        known = O200k.Tokenizer.CountTokens(spaced, considerPreTokenization: false) == 1;
        if (Kept.Count < MaxKept) Lookup.TryAdd(lower, known);
        return known;
    }
}
