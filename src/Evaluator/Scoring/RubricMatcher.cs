using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>
/// Everything the scorer derives from one case rubric and the framework, built once and cached:
/// concept phrasings of every criterion, dimension aliases and heading words, the case's own
/// vocabulary and each criterion's descriptive vocabulary.
/// </summary>
internal sealed class RubricMatcher
{
    public const int MaxGroups = 64;

    public RubricMatcher(Framework framework, CaseRubric rubric)
    {
        Rubric = rubric;
        DimensionIds = [.. framework.Dimensions.Select(d => d.Id)];
        Weights = [.. framework.Dimensions.Select(d => d.Weight)];
        AboutProblem = [.. framework.Dimensions.Select(d => d.AboutProblem)];

        var criteria = new List<CriterionSlot>();
        for (var d = 0; d < DimensionIds.Length; d++)
        {
            if (!rubric.Dimensions.TryGetValue(DimensionIds[d], out var list)) continue;
            foreach (var criterion in list)
            {
                var index = criteria.Count;
                for (var g = 0; g < criterion.Concepts.Count && g < MaxGroups; g++)
                    foreach (var phrasing in criterion.Concepts[g])
                        Concepts.Add(phrasing, index * MaxGroups + g, acronyms: true);
                criteria.Add(new CriterionSlot(index, d, criterion, ContentIds(
                    [criterion.Description, .. criterion.Levels.Values, criterion.Exemplar, .. criterion.Probes])));
            }
        }
        Criteria = [.. criteria];

        // Each descriptive word points at the criteria that use it, weighted 1/df: rare words say more.
        var users = new Dictionary<int, List<int>>();
        foreach (var slot in Criteria)
        {
            var words = new HashSet<int>(slot.DescriptionWords);
            foreach (var phrasing in slot.Criterion.Concepts.SelectMany(g => g)) words.UnionWith(ContentIds([phrasing]));
            foreach (var word in words)
            {
                if (!users.TryGetValue(word, out var list)) users[word] = list = [];
                list.Add(slot.Index);
            }
        }
        SoftWords = users.ToDictionary(p => p.Key, p => (p.Value.ToArray(), 1.0 / p.Value.Count));

        var criterionWords = Criteria.Select(c => (c.Dimension,
            Words: c.DescriptionWords.Concat(ContentIds(c.Criterion.Concepts.SelectMany(g => g))).ToHashSet())).ToArray();
        for (var d = 0; d < DimensionIds.Length; d++)
        {
            var definition = framework.Dimensions[d];
            foreach (var alias in definition.Aliases) Aliases.Add(alias, d);
            foreach (var alias in definition.Aliases.Concat(definition.Mentions))
            {
                Mentions.Add(alias, d);
                HeadingWords.Add(alias, d);
                // "model" or "data" turn up in every dimension's criteria; "metrics" or "monitoring" name one. A part of
                // a dimension ("scalable", "past interactions") names it only where this rubric's criteria use it there:
                // "must be scalable to 250k requests per second" is still a requirement.
                var ids = ContentIds([alias]);
                var sharers = criterionWords.Where(c => ids.All(c.Words.Contains)).ToList();
                var own = sharers.Count(c => c.Dimension == d);
                if (ids.Count > 0 && own >= NamingShare * sharers.Count && (own > 0 || definition.Aliases.Contains(alias)))
                    Names.Add(alias, d);
            }
            HeadingWords.Add(definition.Id, d);
            foreach (var word in ContentIds([definition.Title])) HeadingIds.TryAdd(word, d);
        }
        foreach (var step in framework.Steps)
        {
            var d = Array.IndexOf(DimensionIds, step.Dimensions[0]);
            if (d >= 0) foreach (var word in ContentIds([step.Title])) HeadingIds.TryAdd(word, d);
        }

        PromptWords = ContentIds([rubric.Title, rubric.Prompt]);
        RubricRuns = WordRuns([.. framework.Dimensions.SelectMany(d => d.Levels.Values.Append(d.Description)),
            .. framework.Steps.Select(s => s.Intro),
            .. rubric.AllCriteria().SelectMany(c => c.Criterion.Probes)]);
        ExemplarRuns = WordRuns(rubric.AllCriteria().Select(c => c.Criterion.Exemplar));
        CaseWords = ContentIds([rubric.Title, rubric.Prompt, .. rubric.Facts.SelectMany(f => f.Triggers.Append(f.Answer)),
            .. rubric.AllCriteria().SelectMany(c => c.Criterion.Concepts.SelectMany(g => g)
                .Concat([c.Criterion.Description, c.Criterion.Exemplar]).Concat(c.Criterion.Levels.Values))]);
    }

    public CaseRubric Rubric { get; }

    public string[] DimensionIds { get; }

    public double[] Weights { get; }

    /// <summary>Per dimension: about the problem, so the candidate's plans are no evidence for it.</summary>
    public bool[] AboutProblem { get; }

    public CriterionSlot[] Criteria { get; }

    /// <summary>Payload: criterion index * <see cref="MaxGroups"/> + concept group index.</summary>
    public PhraseSet Concepts { get; } = new();

    /// <summary>The dimension of a <see cref="Concepts"/> hit's criterion.</summary>
    public int DimensionOf(PhraseHit concept) => Criteria[concept.Payload / MaxGroups].Dimension;

    /// <summary>Names of a whole dimension, what a dismissal must name; payload: dimension index.</summary>
    public PhraseSet Aliases { get; } = new();

    /// <summary>Aliases plus the framework's mentions (parts of a dimension); payload: dimension index.</summary>
    public PhraseSet Mentions { get; } = new();

    /// <summary>Aliases specific enough to say which dimension a sentence is about; payload: dimension index.</summary>
    public PhraseSet Names { get; } = new();

    /// <summary>An alias names its dimension when at least this share of the criteria using it belong there.</summary>
    public const double NamingShare = 0.5;

    /// <summary>Mentions plus dimension ids; payload: dimension index.</summary>
    public PhraseSet HeadingWords { get; } = new();

    /// <summary>Single content words of dimension and step titles ("Model development" names modelling).</summary>
    public Dictionary<int, int> HeadingIds { get; } = [];

    /// <summary>Descriptive word → the criteria whose text uses it, and its weight (1 / how many do).</summary>
    public Dictionary<int, (int[] Criteria, double Weight)> SoftWords { get; }

    /// <summary>Content words of this case (prompt, facts, criteria): using them ties an answer to the case.</summary>
    public HashSet<int> CaseWords { get; }

    /// <summary>Content words of the case's title and prompt: a sentence made of them only restates the question.</summary>
    public HashSet<int> PromptWords { get; }

    /// <summary>
    /// Runs of four neighbouring words (stems, hashed) in the words the rubric says about answers rather than about the
    /// case: the framework's level descriptors and descriptions, the interviewer's questions and the criteria's probes.
    /// A sentence made of them copies the rubric. (A criterion's own levels describe the design itself: a candidate who
    /// says "rank friends-of-friends by mutual friend count" is right, not copying.)
    /// </summary>
    public HashSet<long> RubricRuns { get; }

    /// <summary>The same runs in the criteria's exemplars, which reports show as strong example answers.</summary>
    public HashSet<long> ExemplarRuns { get; }

    public const int RunLength = 4;

    public static long Run(ReadOnlySpan<int> ids)
    {
        var hash = 17L;
        foreach (var id in ids) hash = hash * 1_000_003 + id;
        return hash;
    }

    private static HashSet<long> WordRuns(IEnumerable<string> texts)
    {
        var runs = new HashSet<long>();
        foreach (var text in texts)
        {
            var ids = AnswerTokenizer.InternPhrase(text);
            for (var i = 0; i + RunLength <= ids.Length; i++) runs.Add(Run(ids.AsSpan(i, RunLength)));
        }
        return runs;
    }

    public CriterionSlot? Find(string criterionId) => Criteria.FirstOrDefault(c => c.Criterion.Id == criterionId);

    private static HashSet<int> ContentIds(IEnumerable<string> texts)
    {
        var ids = new HashSet<int>();
        foreach (var text in texts)
            foreach (var id in AnswerTokenizer.InternPhrase(text))
                if (!Lexicon.FunctionWords.Contains(id) && !Lexicon.GenericWords.Contains(id)) ids.Add(id);
        return ids;
    }
}

/// <summary>A criterion with its position and the content words of its description, levels, exemplar and probes.</summary>
internal sealed record CriterionSlot(int Index, int Dimension, Criterion Criterion, HashSet<int> DescriptionWords);
