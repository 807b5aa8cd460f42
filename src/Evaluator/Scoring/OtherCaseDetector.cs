using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>
/// Answers written for another case. Words only one to three cases use ("panorama", "moderator", "listing") say which
/// case an answer is about; a strong street-view answer submitted as harmful-content scored 88 on shared ML words
/// alone. When another known case's own words outnumber this case's twice over and by twenty or more, the paragraphs
/// that use more of that case's words than of this one's are about that case: no evidence here. No labelled answer
/// comes near the gate (the largest lead of another case among 165 is 3 words).
/// </summary>
internal sealed class OtherCaseDetector
{
    private const int MaxCasesPerWord = 3;
    private const int MinLead = 20;
    private const double MinRatio = 2;

    private readonly string[] caseIds;

    /// <summary>Per word id, a bit for each known case (up to 64) that uses it as one of its own few words.</summary>
    private readonly ulong[] distinctive;

    public OtherCaseDetector(IReadOnlyList<CaseRubric> cases, Func<CaseRubric, RubricMatcher> matcherFor)
    {
        caseIds = [.. cases.Take(64).Select(c => c.Id)];
        var users = new Dictionary<int, (int Count, ulong Bits)>();
        for (var c = 0; c < caseIds.Length; c++)
            foreach (var word in matcherFor(cases[c]).CaseWords)
            {
                var (count, bits) = users.GetValueOrDefault(word);
                users[word] = (count + 1, bits | (1UL << c));
            }
        distinctive = new ulong[users.Count == 0 ? 0 : users.Keys.Max() + 1];
        foreach (var (word, (count, bits)) in users)
            if (count <= MaxCasesPerWord && word >= 0) distinctive[word] = bits;
    }

    /// <summary>Per unit, whether it belongs to a paragraph about another case; all false for an answer about this one.</summary>
    public bool[] Detect(RubricMatcher matcher, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected)
    {
        var result = new bool[segments.Count];
        var own = Array.IndexOf(caseIds, matcher.Rubric.Id);
        Span<int> counts = stackalloc int[caseIds.Length];
        var seen = new HashSet<int>();
        var ownWords = 0;
        for (var u = 0; u < segments.Count; u++)
            if (!injected[u]) Count(matcher, tokens, features[u], seen, counts, ref ownWords, own);
        var other = -1;
        for (var c = 0; c < counts.Length; c++)
            if (c != own && (other < 0 || counts[c] > counts[other])) other = c;
        if (other < 0 || counts[other] < MinRatio * ownWords || counts[other] - ownWords < MinLead) return result;

        foreach (var (start, end) in StuffingDetector.Blocks(segments))
        {
            seen.Clear();
            counts.Clear();
            var blockOwn = 0;
            for (var u = start; u < end; u++)
                if (!injected[u]) Count(matcher, tokens, features[u], seen, counts, ref blockOwn, own);
            if (counts[other] > blockOwn)
                for (var u = start; u < end; u++) result[u] = true;
        }
        return result;
    }

    /// <summary>Adds the unit's new words to each case's count and, for this case, its own few words.</summary>
    private void Count(RubricMatcher matcher, Token[] tokens, UnitFeatures f, HashSet<int> seen, Span<int> counts, ref int ownWords, int own)
    {
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            var id = tokens[t].Id;
            // Most words are no case's own: looked up once, and only the few that are are remembered.
            var bits = (uint)id < (uint)distinctive.Length ? distinctive[id] : 0;
            var known = bits != 0;
            // This case's own few words: a rubric of the organisation's own is not among the known cases.
            var ownWord = own < 0 ? !known && matcher.CaseWords.Contains(id) : (bits & (1UL << own)) != 0;
            if ((!known && !ownWord) || !seen.Add(id)) continue;
            if (ownWord) ownWords++;
            for (var c = 0; bits != 0 && c < counts.Length; c++, bits >>= 1)
                if ((bits & 1) != 0) counts[c]++;
        }
    }
}
