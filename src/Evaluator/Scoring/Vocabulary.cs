using System.Collections.Concurrent;

namespace Evaluator.Scoring;

/// <summary>
/// Process-wide interning of stems to small integers. Only rubric and lexicon words are added
/// (when a rubric is first scored); answer words are looked up without allocating, and words that
/// no rubric or lexicon uses get <see cref="Unknown"/>.
/// </summary>
internal static class Vocabulary
{
    public const int Unknown = -1;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Ids.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();

    public static int Find(ReadOnlySpan<char> stem) => Lookup.TryGetValue(stem, out var id) ? id : Unknown;

    public static int Intern(string stem)
    {
        if (Ids.TryGetValue(stem, out var id)) return id;
        lock (Gate)
        {
            return Ids.GetOrAdd(stem, Ids.Count);
        }
    }
}
