namespace Evaluator.Scoring;

/// <summary>
/// Keyword stuffing, judged per unit: a unit is list-like when it is mostly bare terms separated by
/// commas, pipes or arrows ("Monitoring: drift, PSI, KL divergence, dashboards, alerts."), or one of a
/// run of fragment bullets. Explanatory lists ("- **Imbalance:** most tiles contain nothing, so we
/// oversample...") are not list-like. Padding elsewhere cannot dilute a list-like unit.
/// </summary>
internal static class StuffingDetector
{
    private const int MinBareItems = 4;
    private const double MinBareShare = 0.7;
    private const int MaxBareItemWords = 4;
    private const int FragmentRun = 3;

    public static bool[] ListLike(NormalizedText text, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected)
    {
        var result = new bool[segments.Count];
        for (var u = 0; u < segments.Count; u++)
        {
            if (injected[u] || segments[u].Kind is UnitKind.Heading or UnitKind.Comment or UnitKind.Code) continue;
            var (items, bare) = Items(text, tokens, features[u].TokenStart, features[u].TokenEnd);
            result[u] = bare >= MinBareItems && bare >= MinBareShare * items;
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
        return result;
    }

    /// <summary>
    /// The answer is flagged when list-like units carry a large share of its rubric terms. Shares count
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
            if (units[u].Injected || units[u].Kind is UnitKind.Heading or UnitKind.Comment) continue;
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
        return listTerms.Count >= 0.4 * allTerms.Count && listWords >= 12;
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
            if (c == '>' && i > from && lower[i - 1] == '-') return true;
        }
        return false;
    }
}
