namespace Evaluator.Scoring;

/// <summary>A phrase found in a token range: [Start, End) token indexes and the caller's payload.</summary>
internal readonly record struct PhraseHit(int Start, int End, int Payload);

/// <summary>
/// Multi-word phrasings matched as stem sequences, so "click-through rate", "click through rates" and
/// "clickthrough rate" meet; acronym variants (CTR for click-through rate) match only words written in
/// capitals. Built once per rubric or word list; matching allocates nothing but the hits.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<int, List<Entry>> byFirst = [];

    private sealed record Entry(int[] Ids, int Payload, bool AcronymOnly);

    private static readonly HashSet<string> AcronymSkips = ["of", "the", "a", "an", "and", "to", "for", "in", "on", "at", "by", "with"];

    public int Count { get; private set; }

    public void Add(string phrase, int payload, bool acronyms = false)
    {
        var ids = AnswerTokenizer.InternPhrase(phrase);
        if (ids.Length == 0) return;
        AddIds(ids, payload, false);

        // "real-time" also matches "realtime"; "click-through rate" also "clickthrough rate".
        var words = AnswerTokenizer.Words(NormalizedText.From(phrase).Lower).ToArray();
        var lower = NormalizedText.From(phrase).Lower;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (!lower.Contains(words[i] + "-" + words[i + 1], StringComparison.Ordinal)) continue;
            var joined = words.Take(i).Append(words[i] + words[i + 1]).Concat(words.Skip(i + 2));
            AddIds(AnswerTokenizer.InternPhrase(string.Join(' ', joined)), payload, false);
        }

        if (!acronyms) return;
        var initials = string.Concat(words.Where(w => !AcronymSkips.Contains(w) && char.IsLetter(w[0])).Select(w => w[0]));
        if (words.Length >= 2 && initials.Length >= 3)
            AddIds([Vocabulary.Intern(Stemmer.Stem(initials))], payload, true);
    }

    private void AddIds(int[] ids, int payload, bool acronymOnly)
    {
        if (!byFirst.TryGetValue(ids[0], out var list)) byFirst[ids[0]] = list = [];
        if (list.Any(e => e.Payload == payload && e.AcronymOnly == acronymOnly && e.Ids.AsSpan().SequenceEqual(ids))) return;
        list.Add(new Entry(ids, payload, acronymOnly));
        Count++;
    }

    /// <summary>Every phrase occurrence in tokens[from..to), in token order.</summary>
    public void Match(ReadOnlySpan<Token> tokens, int from, int to, List<PhraseHit> hits)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Id < 0 || !byFirst.TryGetValue(tokens[i].Id, out var entries)) continue;
            foreach (var entry in entries)
            {
                if (entry.AcronymOnly && !tokens[i].Is(TokenShape.Acronym)) continue;
                if (i + entry.Ids.Length > to) continue;
                var ok = true;
                for (var k = 1; k < entry.Ids.Length && ok; k++) ok = tokens[i + k].Id == entry.Ids[k];
                if (ok) hits.Add(new PhraseHit(i, i + entry.Ids.Length, entry.Payload));
            }
        }
    }

    public bool Any(ReadOnlySpan<Token> tokens, int from, int to)
    {
        var hits = new List<PhraseHit>();
        Match(tokens, from, to, hits);
        return hits.Count > 0;
    }
}
