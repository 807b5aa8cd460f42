namespace Evaluator.Scoring;

/// <summary>
/// Keyword stuffing, judged per unit: a unit is list-like when it is mostly bare terms separated by
/// commas, pipes or arrows ("Monitoring: drift, PSI, KL divergence, dashboards, alerts."), terms strung
/// together without a function word, or one of a run of fragment bullets. Explanatory lists
/// ("- **Imbalance:** most tiles contain nothing, so we oversample...") are not list-like. Padding
/// elsewhere cannot dilute a list-like unit.
/// </summary>
internal static class StuffingDetector
{
    private const int MinBareItems = 4;
    private const double MinBareShare = 0.7;
    private const int MaxBareItemWords = 4;
    private const int FragmentRun = 3;

    /// <summary>List-like units; <paramref name="garbled"/> ones (see <see cref="Garbled"/>) are lists of terms too.</summary>
    public static bool[] ListLike(NormalizedText text, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected, bool[] garbled)
    {
        var result = new bool[segments.Count];
        for (var u = 0; u < segments.Count; u++)
        {
            if (injected[u] || segments[u].Kind is UnitKind.Heading or UnitKind.Comment or UnitKind.Code) continue;
            var (items, bare) = Items(text, tokens, features[u].TokenStart, features[u].TokenEnd);
            result[u] = (bare >= MinBareItems && bare >= MinBareShare * items) || FramedList(text, tokens, features[u]) || ConjoinedList(tokens, features[u]) || garbled[u]
                || (segments[u].Kind != UnitKind.TableRow && WordSalad(text, tokens, features[u]));
        }

        // "- drift\n- PSI\n- dashboards": a run of bare fragments is a list even one term per line.
        for (var u = 0; u < segments.Count;)
        {
            var end = u;
            while (end < segments.Count && !injected[end] && IsFragment(segments[end], features[end], tokens)
                   && segments[end].Block == segments[u].Block) end++;
            if (end - u >= FragmentRun)
                for (var k = u; k < end; k++) result[k] = true;
            u = Math.Max(end, u + 1);
        }

        // Rubric phrases strung into sentences ("Likes comments and shares success metric daily return not just time
        // spent."): a paragraph nearly all of whose words are concept terms is a list without its commas.
        foreach (var (start, end) in Blocks(segments))
        {
            int words = 0, covered = 0;
            for (var k = start; k < end; k++)
            {
                if (!IsProse(segments[k], injected[k])) continue;
                words += features[k].Words;
                covered += features[k].Covered;
            }
            if (words >= MinTermParagraphWords && covered >= MinTermShare * words)
                for (var k = start; k < end; k++) result[k] |= IsProse(segments[k], injected[k]);
        }

        // "We use drift. We use PSI. We use dashboards. ...": one frame repeated around a term each time is a list too.
        for (var u = 0; u + 1 < segments.Count;)
        {
            var end = u + 1;
            while (end < segments.Count && !injected[end] && !injected[end - 1] && segments[end].Block == segments[end - 1].Block
                   && segments[end].Kind == segments[u].Kind && SameFrame(tokens, features[end - 1], features[end])) end++;
            if (end - u >= TemplateRun)
                for (var k = u; k < end; k++) result[k] = true;
            u = end;
        }

        return result;
    }

    private const int MinSaladWords = 8;

    /// <summary>
    /// Terms strung together with nothing between them: "drift psi dashboards alerts retraining ab test auc ndcg", or
    /// rubric words scattered through filler ("Lorem drift ipsum PSI dolor"). Eight words or more without a single
    /// function word, preposition, known verb, past participle, number or inner punctuation say nothing about how the
    /// terms fit together; "Retrieval returns top 500 candidates within 20 ms budget." has its numbers and "within",
    /// "Post embeddings precomputed nightly, user embeddings computed online" its participles.
    /// </summary>
    private static bool WordSalad(NormalizedText text, Token[] tokens, UnitFeatures f)
    {
        if (f.Words < MinSaladWords || f.Numbers > 0) return false;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            var id = tokens[t].Id;
            if (Lexicon.FunctionWords.Contains(id) || Lexicon.ClauseWords.Contains(id) || Lexicon.AdverbialLeads.Contains(id)
                || Lexicon.Linking.Contains(id)) return false;
            var word = text.Lower.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start);
            if (word.Length >= 6 && word.EndsWith("ed")) return false;
            if (t > f.TokenStart && text.Lower.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).IndexOfAny(",;:()") >= 0) return false;
        }
        return true;
    }

    /// <summary>
    /// Units that say nothing of the candidate's: paragraphs in a word order English never has (shuffled or reversed text,
    /// strings of rubric words) or of words that are none (letters shuffled inside them, placeholder Latin), and units that
    /// copy the rubric's wording about answers (its level descriptors, probes).
    /// </summary>
    public static bool[] Garbled(NormalizedText text, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected)
    {
        var result = new bool[segments.Count];
        // Placeholder text always has its first word; an answer without it is spared the count.
        var lorem = text.Lower.Contains("lorem", StringComparison.Ordinal) || text.Lower.Contains("ipsum", StringComparison.Ordinal);
        foreach (var (start, end) in Blocks(segments))
        {
            int breaks = 0, words = 0, glue = 0, plain = 0, nonWords = 0, filler = 0;
            for (var k = start; k < end; k++)
            {
                if (!IsProse(segments[k], injected[k])) continue;
                breaks += ScrambledText.Breaks(text, tokens, features[k]);
                ScrambledText.CountNonWords(text, tokens, features[k], lookUp: false, ref plain, ref nonWords);
                if (lorem) filler += ScrambledText.FillerWords(tokens, features[k]);
                // Terse bullets ("- Two-tower candidate retrieval") are notes, not sentences: only sentences need glue.
                if (segments[k].Kind != UnitKind.Sentence) continue;
                words += features[k].Words;
                glue += ScrambledText.Glue(text, tokens, features[k]);
            }
            var scrambled = breaks >= ScrambledText.MinBreaks || ScrambledText.Unglued(words, glue) || filler >= ScrambledText.MinFillerWords
                || (ScrambledText.ShuffledLetters(plain, nonWords) && ShuffledLetters(text, tokens, segments, features, injected, start, end));
            for (var k = start; k < end; k++)
                result[k] = IsProse(segments[k], injected[k]) && (scrambled || features[k].CopiesRubric);
        }
        return result;
    }

    /// <summary>Whether the block's plain words are mostly no words, looked up one by one.</summary>
    private static bool ShuffledLetters(NormalizedText text, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected, int start, int end)
    {
        int plain = 0, nonWords = 0;
        for (var k = start; k < end; k++)
            if (IsProse(segments[k], injected[k])) ScrambledText.CountNonWords(text, tokens, features[k], lookUp: true, ref plain, ref nonWords);
        return ScrambledText.ShuffledLetters(plain, nonWords);
    }

    /// <summary>The [start, end) unit ranges of each block (paragraph, list or table), in order.</summary>
    internal static IEnumerable<(int Start, int End)> Blocks(List<Segment> segments)
    {
        for (var start = 0; start < segments.Count;)
        {
            var end = start + 1;
            while (end < segments.Count && segments[end].Block == segments[start].Block) end++;
            yield return (start, end);
            start = end;
        }
    }

    private static bool IsProse(Segment segment, bool injected) => !injected && segment.Kind is UnitKind.Sentence or UnitKind.ListItem;

    private const int MinTermParagraphWords = 20;

    /// <summary>Written prose has at most about 70% of its words in concept terms (a dense dashboard sentence); term salad about all.</summary>
    private const double MinTermShare = 0.8;

    private const int TemplateRun = 4;
    private const int MaxTemplateWords = 12;
    private const double MinTemplateShare = 0.4;
    private const int MinFrameWords = 2;

    /// <summary>
    /// Two short units that share most of their words at the start and the end, around different terms: "We use drift." and
    /// "We use PSI.", or "**auc**: an important part of the metrics." and "**ndcg**: an important part of the metrics.".
    /// </summary>
    private static bool SameFrame(Token[] tokens, UnitFeatures a, UnitFeatures b)
    {
        var shorter = Math.Min(a.Words, b.Words);
        if (shorter < 2 || a.Words > MaxTemplateWords || b.Words > MaxTemplateWords) return false;
        var prefix = 0;
        while (prefix < shorter && Same(tokens[a.TokenStart + prefix], tokens[b.TokenStart + prefix])) prefix++;
        var suffix = 0;
        while (suffix < shorter - prefix && Same(tokens[a.TokenEnd - 1 - suffix], tokens[b.TokenEnd - 1 - suffix])) suffix++;
        return prefix + suffix >= MinFrameWords && prefix + suffix >= MinTemplateShare * shorter;
    }

    /// <summary>The same known word: words outside the vocabulary all share one id ("Pulsar", "Dagster").</summary>
    private static bool Same(Token a, Token b) => a.Id >= 0 && a.Id == b.Id;

    private const int MinConjoinedItems = 5;

    /// <summary>
    /// Terms strung on "and", "or", "with": "we use watch time and user satisfaction and clickbait and daily return with
    /// minutes watched". Three joiners or more between bare terms, nearly all of them bare, name without explaining.
    /// </summary>
    private static bool ConjoinedList(Token[] tokens, UnitFeatures f)
    {
        int items = 0, bare = 0, joiners = 0;
        var itemStart = f.TokenStart;
        for (var t = f.TokenStart; t <= f.TokenEnd; t++)
        {
            var joiner = t < f.TokenEnd && Lexicon.ListJoiners.Contains(tokens[t].Id);
            if (!joiner && t < f.TokenEnd) continue;
            if (joiner) joiners++;
            if (t > itemStart)
            {
                items++;
                if (IsBare(tokens, itemStart, t)) bare++;
            }
            itemStart = t + 1;
        }
        return joiners >= 3 && bare >= MinConjoinedItems && bare >= 0.8 * items;
    }

    private const int MaxFrameWords = 4;
    private const int MaxFramedItemWords = 6;

    /// <summary>
    /// A list dressed as a sentence: a light verb frame ("we must consider", "we will measure", "options
    /// include") then a comma list of at least four short noun phrases, with no reason, purpose or
    /// quantity attached. "We will use X, Y, Z and W because ..." explains; this only names.
    /// </summary>
    private static bool FramedList(NormalizedText text, Token[] tokens, UnitFeatures f)
    {
        if (f.Reasons >= 1) return false;
        var verb = -1;
        for (var t = f.TokenStart; t < f.TokenEnd && t <= f.TokenStart + MaxFrameWords; t++)
        {
            if (Lexicon.LightVerbs.Contains(tokens[t].Id))
            {
                verb = t;
                break;
            }
            if (t > f.TokenStart && Separated(text.Lower, tokens[t - 1].End, tokens[t].Start)) return false;
        }
        if (verb < 0) return false;
        var start = verb + 1;
        while (start < f.TokenEnd && Lexicon.Prepositions.Contains(tokens[start].Id)) start++;

        int items = 0, shortItems = 0, commas = 0;
        var itemStart = start;
        for (var t = start; t < f.TokenEnd; t++)
        {
            var token = tokens[t];
            if (token.Is(TokenShape.Quantity) || (token.Is(TokenShape.Number) && t + 1 < f.TokenEnd && Lexicon.Units.Contains(tokens[t + 1].Id)))
                return false;
            if (Lexicon.Purpose.Contains(token.Id) && t > start) return false;
            var conjunction = Lexicon.ListConjunctions.Contains(token.Id);
            var last = t + 1 == f.TokenEnd;
            var comma = !last && Separated(text.Lower, token.End, tokens[t + 1].Start);
            if (comma) commas++;
            if (!conjunction && !comma && !last) continue;
            var end = conjunction ? t : t + 1;
            if (end > itemStart)
            {
                items++;
                if (end - itemStart <= MaxFramedItemWords && IsBareFrom(tokens, itemStart, end)) shortItems++;
            }
            itemStart = t + 1;
        }
        return commas >= 2 && shortItems >= MinBareItems && shortItems >= items - 1;
    }

    private static bool IsBareFrom(Token[] tokens, int from, int to)
    {
        for (var t = from; t < to; t++)
            if (Lexicon.ClauseWords.Contains(tokens[t].Id)) return false;
        return true;
    }

    // Keyword lists carry nearly all of an answer's terms (0.9-1.0 in the labelled sets); in two terse real answers a
    // feature list, a line of figures and a pipeline drawn with arrows carried 0.40 and 0.43.
    private const double StuffedShare = 0.5;

    /// <summary>
    /// The answer is flagged when list-like units carry half or more of its rubric terms. Shares count
    /// concept groups, not words, so off-topic padding cannot dilute them.
    /// </summary>
    public static bool IsStuffed(IReadOnlyList<AnswerUnit> units, UnitFeatures[] features)
    {
        var listTerms = new HashSet<(int, int)>();
        var allTerms = new HashSet<(int, int)>();
        var listUnits = 0;
        var listWords = 0;
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Injected || units[u].Asked || units[u].Kind is UnitKind.Heading or UnitKind.Comment) continue;
            foreach (var hit in features[u].Concepts)
            {
                allTerms.Add((hit.Criterion, hit.Group));
                if (units[u].ListLike) listTerms.Add((hit.Criterion, hit.Group));
            }
            foreach (var d in features[u].Mentions)
            {
                allTerms.Add((-1, d));
                if (units[u].ListLike) listTerms.Add((-1, d));
            }
            if (!units[u].ListLike) continue;
            listUnits++;
            listWords += features[u].Words;
        }
        if (listUnits == 0 || listTerms.Count < 3) return false;
        return listTerms.Count >= StuffedShare * allTerms.Count && listWords >= 12;
    }

    private static bool IsFragment(Segment segment, UnitFeatures f, Token[] tokens)
    {
        if (segment.Kind != UnitKind.ListItem || f.Words == 0 || f.Words > 3) return false;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
            if (Lexicon.ClauseWords.Contains(tokens[t].Id)) return false;
        return true;
    }

    /// <summary>Splits a unit at commas, semicolons, pipes and arrows; counts items and bare-term items.</summary>
    private static (int Items, int Bare) Items(NormalizedText text, Token[] tokens, int from, int to)
    {
        int items = 0, bare = 0;
        var itemStart = from;
        for (var t = from; t < to; t++)
        {
            var last = t + 1 == to;
            if (!last && !Separated(text.Lower, tokens[t].End, tokens[t + 1].Start)) continue;
            items++;
            if (IsBare(tokens, itemStart, t + 1)) bare++;
            itemStart = t + 1;
        }
        return (items, bare);
    }

    private static bool IsBare(Token[] tokens, int from, int to)
    {
        if (to - from > MaxBareItemWords) return false;
        for (var t = from; t < to; t++)
            if (Lexicon.ClauseWords.Contains(tokens[t].Id)) return false;
        return true;
    }

    private static bool Separated(string lower, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = lower[i];
            if (c is ',' or ';' or '|' or '\n' or '•') return true;
            // "embedding lookup / nearest neighbours / rerank": a slash between spaces separates, one inside "A/B" joins.
            if (c == '/' && i > from && lower[i - 1] == ' ' && i + 1 < to && lower[i + 1] == ' ') return true;
            if (c == '>' && i > from && lower[i - 1] == '-') return true;
        }
        return false;
    }
}
