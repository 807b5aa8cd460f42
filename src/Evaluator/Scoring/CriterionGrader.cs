namespace Evaluator.Scoring;

/// <summary>
/// Grades a criterion from its evidence units. Per unit: list-like → 1; specific (numbers, named choices,
/// several concept groups, case vocabulary, minus vagueness) → 2; specific and justified (reasons,
/// trade-offs, alternatives, failure modes, in the unit or the next one of its block) → 3. Otherwise 1.
/// </summary>
internal static class CriterionGrader
{
    public const double SpecificThreshold = 1.5;
    public const double JustifiedThreshold = 0.75;
    private const int MaxEvidence = 3;
    private const int MaxEvidenceChars = 300;
    private const int MinClauseWords = 8;

    /// <summary>Grades every criterion from its concept matches plus, by criterion id, any more evidence units.</summary>
    public static IReadOnlyDictionary<string, CriterionResult> GradeAll(AnswerAnalysis analysis, IReadOnlyDictionary<string, IReadOnlyList<int>>? moreEvidence = null)
    {
        var matcher = analysis.Matcher;
        var results = new Dictionary<string, CriterionResult>();
        foreach (var slot in matcher.Criteria)
        {
            var id = slot.Criterion.Id;
            var units = analysis.ConceptMatches[id];
            results[id] = Grade(analysis, slot, units, moreEvidence?.GetValueOrDefault(id));
        }

        // A dimension named without any criterion's concepts ("we'll monitor it") is mentioned: level 1,
        // credited to the criterion whose description is closest to what was said.
        for (var d = 0; d < matcher.DimensionIds.Length; d++)
        {
            var dimension = matcher.DimensionIds[d];
            if (analysis.DismissedDimensions.Contains(dimension)) continue;
            var slots = matcher.Criteria.Where(c => c.Dimension == d).ToList();
            if (slots.Count == 0 || slots.Any(c => results[c.Criterion.Id].Level > 0)) continue;
            var mentions = analysis.DimensionMentions[dimension];
            if (mentions.Count == 0) continue;
            var words = Words(analysis, mentions[0]);
            var closest = slots.MaxBy(c => (c.DescriptionWords.Count(words.Contains), -c.Index))!;
            results[closest.Criterion.Id] = new CriterionResult(closest.Criterion.Id, 1, [Quote(analysis, mentions[0])]);
        }
        // In an answer padded with term lists, the lists name dimensions and do no more; in any other answer a terse list
        // ("Features: mutual friend count, Adamic-Adar, same school") is the candidate's own content and counts as before.
        var stuffed = analysis.Flags.Contains(Flags.KeywordStuffing);
        if (stuffed)
            for (var d = 0; d < matcher.DimensionIds.Length; d++) KeepOneListOnly(analysis, d, results);
        for (var d = 0; d < matcher.DimensionIds.Length; d++)
        {
            if (!matcher.AboutProblem[d] && moreEvidence is null) CapRemarksInPassing(analysis, d, results);
            CapBySentences(analysis, d, results, stuffed);
        }
        return results;
    }

    /// <summary>
    /// A data paragraph that says the recalibrated probability feeds the auction has touched serving, not designed it: where
    /// no sentence that matched a dimension's criteria is focused on it (<see cref="UnitFeatures.Focus"/>), sits under its
    /// heading or names it, the dimension is mentioned, level 1, however specific those sentences are.
    /// </summary>
    private static void CapRemarksInPassing(AnswerAnalysis analysis, int dimension, Dictionary<string, CriterionResult> results)
    {
        var name = analysis.Matcher.DimensionIds[dimension];
        var found = new List<CriterionResult>();
        foreach (var slot in analysis.Matcher.Criteria)
        {
            if (slot.Dimension != dimension || results[slot.Criterion.Id] is not { Level: > 0 } result) continue;
            found.Add(result);
            // Every sentence that matched, not only the quotes shown: a focused mention may sit behind deeper side remarks.
            foreach (var u in analysis.ConceptMatches[slot.Criterion.Id])
                if (analysis.Units[u].Section == name || analysis.Features[u].IsFocusedOn(dimension)
                    || analysis.Features[u].Mentions.Contains(dimension))
                    return;
        }
        foreach (var result in found)
            if (result.Level > 1) results[result.Id] = result with { Level = 1 };
    }

    /// <summary>
    /// One sentence can name a dimension; being specific about it and justifying it takes more. Per dimension: evidence
    /// from a single sentence in all caps its criteria at 1 ("a pretrained model that we fine-tune, since posts have
    /// images" is not a modelling design), and fewer than two sentences among its specific criteria cap them at 2.
    /// In an answer flagged for keyword stuffing a list of bare terms is no sentence: appended to a one-sentence answer,
    /// it lifts no cap.
    /// </summary>
    private static void CapBySentences(AnswerAnalysis analysis, int dimension, Dictionary<string, CriterionResult> results, bool stuffed)
    {
        var found = new List<CriterionResult>();
        foreach (var slot in analysis.Matcher.Criteria)
            if (slot.Dimension == dimension && results[slot.Criterion.Id] is { Level: > 0 } result) found.Add(result);
        var sentences = found.SelectMany(r => r.Evidence).Distinct().Where(q => !stuffed || analysis.FindUnit(q) is not { ListLike: true })
            .Sum(q => Sentences(analysis, q));
        var specificSentences = found.Where(r => r.Level >= 2).SelectMany(r => r.Evidence).Distinct().Sum(q => Sentences(analysis, q));
        var cap = sentences < 2 ? 1 : specificSentences < 2 ? 2 : 3;
        foreach (var result in found)
            if (result.Level > cap) results[result.Id] = result with { Level = cap };
    }

    /// <summary>
    /// How many sentences a quoted unit is worth: one, or one per clause of its own between semicolons ("Offline I'd
    /// measure nDCG@10 ..., sliced by language ...; online, the launch decision is an A/B test ..." is two sentences
    /// written as one). A clause of a few words ("ndcg; recall@k; ctr") is a list item, not a sentence, and so is each of
    /// the clauses after a colon.
    /// </summary>
    private static int Sentences(AnswerAnalysis analysis, string quote)
    {
        if (analysis.FindUnit(quote) is not { ListLike: false } unit) return 1;
        var text = unit.Text.AsSpan();
        var semicolon = text.IndexOf(';');
        if (semicolon < 0) return 1;
        // After a colon, semicolons part the items of a list ("pair features: mutual friends, ...; shared groups; age gap"),
        // and so they do after a lead the segmenter took off ("Candidates: a transformer ...; a tree ...").
        var colon = text.IndexOf(':');
        if (colon >= 0 && colon < semicolon) return 1;
        var before = unit.Start;
        while (before > 0 && analysis.Answer[before - 1] is ' ' or '\t') before--;
        if (before > 0 && analysis.Answer[before - 1] == ':') return 1;
        var clauses = 0;
        foreach (var clause in text.Split(';'))
        {
            var (start, length) = clause.GetOffsetAndLength(text.Length);
            if (Segmenter.CountWords(unit.Text, start, start + length) >= MinClauseWords) clauses++;
        }
        return Math.Max(1, clauses);
    }

    /// <summary>
    /// Bare terms name a dimension, no more: where a dimension rests on lists alone, one criterion keeps its mention;
    /// where sentences cover it, lists add nothing. So a keyword list appended to an answer raises no score above a mention.
    /// </summary>
    private static void KeepOneListOnly(AnswerAnalysis analysis, int dimension, Dictionary<string, CriterionResult> results)
    {
        var listOnly = new List<CriterionResult>();
        var written = false;
        foreach (var slot in analysis.Matcher.Criteria)
        {
            if (slot.Dimension != dimension || results[slot.Criterion.Id] is not { Level: > 0 } result) continue;
            if (result.Evidence.All(q => analysis.FindUnit(q) is { ListLike: true })) listOnly.Add(result);
            else written = true;
        }
        foreach (var result in written ? listOnly : listOnly.Skip(1))
            results[result.Id] = new CriterionResult(result.Id, 0, []);
    }

    /// <summary>
    /// Grades a criterion from the units whose words matched it and the units a model chose for it (<paramref name="chosen"/>):
    /// a model read the sentence, so it need not be about this dimension by its words.
    /// </summary>
    public static CriterionResult Grade(AnswerAnalysis analysis, CriterionSlot slot, IEnumerable<int> matched, IEnumerable<int>? chosen = null)
    {
        var byModel = chosen is null ? null : new HashSet<int>(chosen);
        var id = slot.Criterion.Id;
        var dimension = analysis.Matcher.DimensionIds[slot.Dimension];
        if (analysis.DismissedDimensions.Contains(dimension)) return new CriterionResult(id, 0, []);

        var graded = new List<(int Unit, int Level)>();
        var deep = 0;
        double reasons = 0;
        var ordered = new List<int>(matched);
        if (byModel is not null) ordered.AddRange(byModel);
        ordered.Sort();
        for (var i = 0; i < ordered.Count; i++)
        {
            var u = ordered[i];
            if (i > 0 && u == ordered[i - 1]) continue;
            if (u < 0 || u >= analysis.Units.Count || !analysis.Units[u].CanBeEvidence) continue;
            var unit = analysis.Units[u];
            var f = analysis.Features[u];
            // "Labels are not needed here" narrows the design: it is no evidence that the candidate covered labels.
            if (unit.Narrows == dimension) continue;
            if (unit.ListLike)
            {
                graded.Add((u, 1));
                continue;
            }
            var groups = Math.Max(1, f.GroupsOf(slot.Index));
            // Numbers back a claim too (capacity, thresholds), but two of them alone do not make an argument.
            var unitReasons = f.Reasons + 0.25 * Math.Min(f.Numbers, 2);
            // Restating the question names its terms and adds nothing of the candidate's: a mention.
            var level = f.RestatesPrompt || Specificity(f, groups) < SpecificThreshold ? 1 : unitReasons >= JustifiedThreshold ? 3 : 2;
            // Under another dimension's heading the candidate was talking about something else: evidence here only
            // where the sentence names this dimension ("we split the data by time"), and a mention at most.
            if (unit.Section is { } section && section != dimension)
            {
                if (!f.Mentions.Contains(slot.Dimension)) continue;
                level = 1;
            }
            // "Offline, each engagement head gets its own AUC ..., because a share model and a like model ..." shares words
            // with labels and user signals; in prose it is a mention of what it, or its paragraph, is not about. A sentence that
            // frames the problem is a requirement even when it goes on to the solution ("a classification problem, so ...").
            if (unit.Section is null && !analysis.Matcher.AboutProblem[slot.Dimension] && !f.IsAbout(slot.Dimension)
                && !f.Mentions.Contains(slot.Dimension) && byModel?.Contains(u) != true)
                level = 1;
            // "The numbers I'd confirm: ... 60,000 queries a second at peak, and a results page within 200 ms" states the
            // problem in serving's words; the candidate has not designed serving yet.
            if (unit.Section is null && f.StatesProblemFor(slot.Dimension) && byModel?.Contains(u) != true) level = 1;
            // "Good metrics would be relevance and satisfaction" names its own dimension: not evidence for another.
            if (unit.Section is null && f.Names.Count > 0 && !f.Names.Contains(slot.Dimension)) continue;
            // A bare keyword in a sentence about another dimension ("a model ranks them") is noise, not a mention. Only a
            // dimension's own name makes a sentence about it: "posts must stay up to date" is still a requirement.
            if (level == 1 && unit.Section is null && f.Aliases.Count > 0 && !f.Mentions.Contains(slot.Dimension)) continue;
            // "I would train a classifier on labelled posts" is the candidate's design, not the problem it solves.
            if (unit.Section is null && f.Plan && analysis.Matcher.AboutProblem[slot.Dimension] && !f.Mentions.Contains(slot.Dimension)) continue;
            if (level >= 2)
            {
                deep++;
                reasons += unitReasons;
            }
            graded.Add((u, level));
        }
        if (graded.Count == 0) return new CriterionResult(id, 0, []);

        var best = graded.Max(g => g.Level);
        // Specific in several places and justified somewhere among them: deep, even if no single sentence is.
        if (best == 2 && deep >= 2 && reasons >= JustifiedThreshold) best = 3;
        var evidence = graded.OrderByDescending(g => g.Level).ThenBy(g => g.Unit).Take(MaxEvidence)
            .OrderBy(g => g.Unit).Select(g => Quote(analysis, g.Unit)).ToList();
        return new CriterionResult(id, best, evidence);
    }

    internal static double Specificity(UnitFeatures f, int groups) =>
        Math.Min(f.Numbers, 3) * 1.0
        + Math.Min(f.Named, 3) * 0.5
        + Math.Min(f.CaseWords, 4) * 0.3
        + (groups - 1) * 0.75
        + (f.Words >= 15 ? 0.5 : 0)
        - f.Vague * 0.75;

    private static HashSet<int> Words(AnswerAnalysis analysis, int u)
    {
        var f = analysis.Features[u];
        var words = new HashSet<int>();
        for (var t = f.TokenStart; t < f.TokenEnd; t++) words.Add(analysis.Tokens[t].Id);
        return words;
    }

    private static string Quote(AnswerAnalysis analysis, int unit)
    {
        var quote = Cut(analysis.Units[unit].Text);
        analysis.Quotes.TryAdd(quote, unit);
        return quote;
    }

    /// <summary>Long units are cut at a word boundary; the result is still an exact substring.</summary>
    internal static string Cut(string text)
    {
        if (text.Length <= MaxEvidenceChars) return text;
        var cut = text.LastIndexOf(' ', MaxEvidenceChars);
        return text[..(cut > MaxEvidenceChars / 2 ? cut : MaxEvidenceChars)].TrimEnd();
    }
}
