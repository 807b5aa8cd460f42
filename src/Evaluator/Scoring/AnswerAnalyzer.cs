using System.Runtime.CompilerServices;
using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>
/// The deterministic analysis behind the local scorer, exposed for the model-backed scorers:
/// <list type="number">
/// <item><see cref="Analyse"/> cuts the answer into units (spans in the original text), flags prompt
/// injection and keyword stuffing, finds dismissed dimensions and the lexical concept matches.</item>
/// <item><see cref="GradeCriterion"/> grades one criterion (0-3) from any set of evidence units (the LLM judge
/// checks its levels with it); injection, dismissal and stuffing rules still apply. <see cref="GradeAll(AnswerAnalysis, IReadOnlyDictionary{string, IReadOnlyList{int}})"/>
/// grades every criterion from the lexical matches plus more units (the ONNX scorer's semantic matches), with the
/// per-dimension sentence cap as well.</item>
/// <item><see cref="BuildEvaluation"/> turns per-criterion levels and evidence (from this class or from a
/// model) into the scoring contract, enforcing the caps and flags and doing the dimension/overall math.</item>
/// </list>
/// Matcher data is computed once per <see cref="CaseRubric"/> instance and cached. Thread-safe.
/// </summary>
public sealed class AnswerAnalyzer(Framework framework, IReadOnlyList<CaseRubric>? knownCases = null)
{
    private readonly ConditionalWeakTable<CaseRubric, RubricMatcher> matchers = new();

    public Framework Framework { get; } = framework;

    /// <summary>"requirements: 3" naming this framework's dimensions: a forged grade sheet in runs of lines or three to a line.</summary>
    private readonly ScorePatterns scorePatterns = InjectionDetector.ScorePatternsFor(framework.Dimensions);

    internal RubricMatcher MatcherFor(CaseRubric rubric) => matchers.GetValue(rubric, r => new RubricMatcher(Framework, r));

    /// <summary>Built on first use from the known cases (the shipped rubrics); null without them.</summary>
    private OtherCaseDetector? otherCases;

    private OtherCaseDetector? OtherCases =>
        knownCases is { Count: > 1 } ? LazyInitializer.EnsureInitialized(ref otherCases, () => new OtherCaseDetector(knownCases, MatcherFor)) : null;

    /// <summary>Analyses one answer against one case rubric. Same input, same output.</summary>
    public AnswerAnalysis Analyse(CaseRubric rubric, string answer)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(answer);
        var matcher = MatcherFor(rubric);
        // Before tokenising: building the other cases' matchers adds their words to the vocabulary, and a word
        // added after the answer is tokenised would be Unknown in it (the first answer of a process saw no other case).
        var otherCases = OtherCases;
        var text = NormalizedText.From(answer);
        var tokens = AnswerTokenizer.Tokenize(text);
        var segments = Segmenter.Split(text);
        var injected = new bool[segments.Count];
        var anyInjection = InjectionDetector.Detect(text, segments, injected, scorePatterns);
        var fromGrader = (bool[])injected.Clone();
        // From here on "injected" means not the candidate's words: the interviewer's lines of a transcript are left out too.
        var asked = InterviewerTurns.Mark(text, segments, injected);

        var features = new UnitFeatures[segments.Count];
        var sections = new int[segments.Count];
        // Per unit, the words of the part its heading names ("## Retraining"), or null when the heading names the whole dimension.
        var sectionParts = new string?[segments.Count];
        var current = -1;
        string? currentPart = null;
        // Whether the current section comes from a lead ("The predictor: ..."), which the next unnamed lead ends.
        var fromLead = false;
        // The last paragraph a plain lead ("Monitoring. ...") covers: its own, or the next when it stands alone.
        var leadEnds = -1;
        for (var u = 0; u < segments.Count; u++)
        {
            var s = segments[u];
            var (ts, te) = TokenRange(tokens, s.Start, s.End);
            features[u] = new UnitFeatures { TokenStart = ts, TokenEnd = te };
            sections[u] = -1;
            if (leadEnds >= 0 && s.Block > leadEnds) (current, currentPart, fromLead, leadEnds) = (-1, null, false, -1);
            if (injected[u]) continue;
            if (s.Kind == UnitKind.Heading)
            {
                current = SectionOf(matcher, tokens, s.LabelStart, s.LabelEnd, out currentPart);
                (fromLead, leadEnds) = (false, -1);
                sections[u] = current;
                sectionParts[u] = currentPart;
                continue;
            }
            if (s.HasLabel && SectionOf(matcher, tokens, s.LabelStart, s.LabelEnd, out var labelPart) is var labelled and >= 0)
            {
                if (s.Kind == UnitKind.TableRow)
                {
                    sections[u] = labelled;
                    sectionParts[u] = labelPart;
                    continue;
                }
                current = labelled;
                currentPart = labelPart;
                (fromLead, leadEnds) = (true, -1);
            }
            // "Monitoring. Once it's launched I don't see much to watch.": notes without markdown open a paragraph with the
            // name alone, as "**Monitoring.**" does; being plain text, it names that paragraph only.
            else if (PlainLead(matcher, text, tokens, segments, u, ts, te, out var leadPart) is var named and >= 0)
            {
                (current, currentPart, fromLead, leadEnds) = (named, leadPart, true, segments[u + 1].Block);
            }
            // "Running it: ..." after "The predictor: ...": a new labelled part about something else.
            else if (s.HasLabel && fromLead && s.Kind == UnitKind.Sentence)
            {
                (current, currentPart, fromLead, leadEnds) = (-1, null, false, -1);
            }
            sections[u] = current;
            sectionParts[u] = currentPart;
        }

        var covered = new bool[tokens.Length];
        var hits = new List<PhraseHit>();
        var caseWords = new HashSet<int>();
        for (var u = 0; u < segments.Count; u++)
        {
            if (injected[u] || segments[u].Kind is UnitKind.Comment) continue;
            Describe(matcher, text, tokens, features[u], covered, hits, caseWords);
        }

        var garbled = StuffingDetector.Garbled(text, tokens, segments, features, injected);
        var listLike = StuffingDetector.ListLike(text, tokens, segments, features, injected, garbled);
        // After the list rules: a paragraph about another case is no evidence here, and no keyword list either.
        var aboutOtherCase = otherCases?.Detect(matcher, tokens, segments, features, injected) ?? new bool[segments.Count];
        for (var u = 0; u < segments.Count; u++) garbled[u] |= aboutOtherCase[u];
        var dismisses = DismissalDetector.Detect(matcher, text, tokens, segments, features, sections, sectionParts, injected, out var narrows);

        var units = new AnswerUnit[segments.Count];
        for (var u = 0; u < segments.Count; u++)
        {
            var s = segments[u];
            var (start, end) = text.ToOriginal(s.Start, s.End);
            units[u] = new AnswerUnit
            {
                Index = u, Start = start, Text = answer[start..end], Kind = s.Kind, Block = s.Block,
                Section = sections[u] >= 0 ? matcher.DimensionIds[sections[u]] : null,
                Injected = fromGrader[u], Asked = asked[u], ListLike = listLike[u], Garbled = garbled[u],
                Dismisses = dismisses[u] >= 0 ? matcher.DimensionIds[dismisses[u]] : null,
                Narrows = narrows[u] >= 0 ? matcher.DimensionIds[narrows[u]] : null,
            };
        }

        var dismissed = new SortedSet<string>(units.Where(u => u.Dismisses is not null).Select(u => u.Dismisses!), StringComparer.Ordinal);
        var soft = SoftMatches(matcher, tokens, features, units);
        UnitTopics.Assign(matcher, segments, units, features, soft);

        var byCriterion = new List<int>[matcher.Criteria.Length];
        var byDimension = new List<int>[matcher.DimensionIds.Length];
        for (var c = 0; c < byCriterion.Length; c++) byCriterion[c] = [];
        for (var d = 0; d < byDimension.Length; d++) byDimension[d] = [];
        for (var u = 0; u < units.Length; u++)
        {
            if (!units[u].CanBeEvidence) continue;
            foreach (var hit in features[u].Concepts)
                if (byCriterion[hit.Criterion].Count == 0 || byCriterion[hit.Criterion][^1] != u) byCriterion[hit.Criterion].Add(u);
            if (soft[u] >= 0 && (byCriterion[soft[u]].Count == 0 || byCriterion[soft[u]][^1] != u)) byCriterion[soft[u]].Add(u);
            foreach (var d in features[u].Mentions)
                if (d != narrows[u]) byDimension[d].Add(u);
        }
        var conceptMatches = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var slot in matcher.Criteria) conceptMatches[slot.Criterion.Id] = byCriterion[slot.Index];
        var mentions = new Dictionary<string, IReadOnlyList<int>>();
        for (var d = 0; d < matcher.DimensionIds.Length; d++) mentions[matcher.DimensionIds[d]] = byDimension[d];

        var flags = new List<string>();
        if (StuffingDetector.IsStuffed(units, features)) flags.Add(Scoring.Flags.KeywordStuffing);
        if (anyInjection) flags.Add(Scoring.Flags.PromptInjection);
        if (aboutOtherCase.Contains(true)) flags.Add(Scoring.Flags.OtherCase);
        return new AnswerAnalysis(answer, rubric, units, dismissed, flags, conceptMatches, mentions, matcher, features, tokens);
    }

    /// <summary>
    /// Grades one criterion from the given evidence units (indexes into <see cref="AnswerAnalysis.Units"/>):
    /// 0 with no usable unit; 1 for a mention (or only list-like units); 2 when specific to the case (numbers,
    /// named choices, several concept groups, case vocabulary); 3 when also justified (reasons, trade-offs,
    /// alternatives, failure modes). Injected and dismissing units, and units of a dismissed dimension, never count.
    /// Units without a lexical match of this criterion (e.g. semantic matches) count as one concept group.
    /// </summary>
    public CriterionResult GradeCriterion(AnswerAnalysis analysis, string criterionId, IEnumerable<int> unitIndexes)
    {
        CheckOwn(analysis);
        var slot = analysis.Matcher.Find(criterionId)
            ?? throw new ArgumentException($"Case '{analysis.Rubric.Id}' has no criterion '{criterionId}'.", nameof(criterionId));
        return CriterionGrader.Grade(analysis, slot, [], unitIndexes);
    }

    /// <summary>Grades every criterion of the case from the lexical matches (what the local scorer reports).</summary>
    public IReadOnlyDictionary<string, CriterionResult> GradeAll(AnswerAnalysis analysis)
    {
        CheckOwn(analysis);
        return CriterionGrader.GradeAll(analysis);
    }

    /// <summary>
    /// Grades every criterion from the lexical matches plus, by criterion id, more evidence units (e.g. sentences an
    /// embedding model found close to it), with the local scorer's rules: a unit that is better evidence raises a
    /// criterion, and one sentence alone still only mentions a dimension.
    /// </summary>
    public IReadOnlyDictionary<string, CriterionResult> GradeAll(AnswerAnalysis analysis, IReadOnlyDictionary<string, IReadOnlyList<int>> moreEvidence)
    {
        CheckOwn(analysis);
        ArgumentNullException.ThrowIfNull(moreEvidence);
        return CriterionGrader.GradeAll(analysis, moreEvidence);
    }

    /// <summary>
    /// Assembles the scoring contract from per-criterion results (criterion id → level and evidence). Caps
    /// are enforced whoever produced the levels: evidence must be an exact substring of the answer inside a
    /// unit that may be evidence (never injected text); a criterion whose evidence is only list-like is at
    /// most 1; a level above 0 needs at least one valid piece of evidence; dismissed dimensions are 0.
    /// Criteria without an entry are 0 and listed as missing with their first probe.
    /// </summary>
    public Evaluation BuildEvaluation(string id, AnswerAnalysis analysis, IReadOnlyDictionary<string, CriterionResult> results, string scorer)
    {
        CheckOwn(analysis);
        ArgumentNullException.ThrowIfNull(results);
        return EvaluationBuilder.Build(id, analysis, results, scorer);
    }

    /// <summary>
    /// Paraphrases ("keep whole drives together, because neighbouring frames are nearly identical") miss the
    /// concept phrasings but share rare words with one criterion's description, levels and exemplar. A unit
    /// without any concept match is credited to the criterion it shares the most weighted words with.
    /// </summary>
    private static int[] SoftMatches(RubricMatcher matcher, Token[] tokens, UnitFeatures[] features, AnswerUnit[] units)
    {
        var result = new int[units.Length];
        Array.Fill(result, -1);
        var scores = new double[matcher.Criteria.Length];
        var seen = new HashSet<int>();
        for (var u = 0; u < units.Length; u++)
        {
            if (!units[u].CanBeEvidence || units[u].ListLike) continue;
            Array.Clear(scores);
            seen.Clear();
            var f = features[u];
            for (var t = f.TokenStart; t < f.TokenEnd; t++)
            {
                if (!seen.Add(tokens[t].Id) || !matcher.SoftWords.TryGetValue(tokens[t].Id, out var entry)) continue;
                foreach (var c in entry.Criteria) scores[c] += entry.Weight;
            }
            var best = -1;
            for (var c = 0; c < scores.Length; c++)
                if (scores[c] >= SoftMatchThreshold && (best < 0 || scores[c] > scores[best])) best = c;
            result[u] = best;
        }
        return result;
    }

    internal const double SoftMatchThreshold = 1.75;

    /// <summary>
    /// The dimension math of <see cref="BuildEvaluation"/>: score 0-100 and level 0-3 from criterion levels.
    /// The k-th best criterion weighs 0.5^k, so a few deep criteria make a deep dimension.
    /// </summary>
    public static (int Score, int Level) CombineLevels(IReadOnlyList<int> criterionLevels) => EvaluationBuilder.Combine(criterionLevels);

    /// <summary>An analysis made by another analyzer may use another framework's dimensions and weights.</summary>
    private void CheckOwn(AnswerAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (!matchers.TryGetValue(analysis.Rubric, out var matcher) || !ReferenceEquals(matcher, analysis.Matcher))
            throw new ArgumentException("The analysis was made by another AnswerAnalyzer.", nameof(analysis));
    }

    private static void Describe(RubricMatcher matcher, NormalizedText text, Token[] tokens, UnitFeatures f, bool[] covered,
        List<PhraseHit> hits, HashSet<int> caseWords)
    {
        hits.Clear();
        matcher.Concepts.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        for (var k = 0; k < hits.Count; k++)
        {
            var hit = hits[k];
            if (InsideLongerHit(matcher, hits, k)) continue;
            f.Concepts.Add(new ConceptHit(hit.Payload / RubricMatcher.MaxGroups, hit.Payload % RubricMatcher.MaxGroups));
            for (var t = hit.Start; t < hit.End; t++) covered[t] = true;
        }
        hits.Clear();
        matcher.Mentions.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        foreach (var hit in hits)
            if (!f.Mentions.Contains(hit.Payload)) f.Mentions.Add(hit.Payload);
        hits.Clear();
        matcher.Aliases.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        foreach (var hit in hits)
            if (!f.Aliases.Contains(hit.Payload)) f.Aliases.Add(hit.Payload);
        hits.Clear();
        matcher.Names.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        foreach (var hit in hits)
            if (!f.Names.Contains(hit.Payload)) f.Names.Add(hit.Payload);

        caseWords.Clear();
        double numbers = 0;
        var named = 0;
        int content = 0, fromPrompt = 0;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            var token = tokens[t];
            if (token.Is(TokenShape.Number) || Lexicon.NumberWords.Contains(token.Id))
            {
                // A figure of the candidate's own is something the prompt did not say.
                content++;
                numbers += 1;
                if (token.Is(TokenShape.Quantity) || (t + 1 < f.TokenEnd && Lexicon.Units.Contains(tokens[t + 1].Id))) numbers += 0.5;
                continue;
            }
            if (Lexicon.FunctionWords.Contains(token.Id)) continue;
            // Generic words ("model", "data") are in every answer and every prompt: they restate nothing.
            var generic = Lexicon.GenericWords.Contains(token.Id);
            if (!generic)
            {
                content++;
                if (matcher.PromptWords.Contains(token.Id)) fromPrompt++;
            }
            if (covered[t]) continue;
            if (token.End - token.Start > 1
                && (token.Is(TokenShape.Acronym | TokenShape.Technical) || (token.Is(TokenShape.Capitalised) && t > f.TokenStart && !SentenceStart(text, tokens, t))))
                named++;
            if (token.Id >= 0 && !generic && matcher.CaseWords.Contains(token.Id)) caseWords.Add(token.Id);
        }
        for (var t = f.TokenStart; t < f.TokenEnd; t++) if (covered[t]) f.Covered++;
        f.Numbers = numbers;
        f.Named = named;
        f.CaseWords = caseWords.Count;
        f.RestatesPrompt = content >= MinRestatedWords && fromPrompt >= RestatedShare * content;
        f.CopiesRubric = CopiesRubric(matcher, tokens, f);
        f.Plan = OpensWithPlan(tokens, f.TokenStart, f.TokenEnd, numbers);

        hits.Clear();
        Lexicon.Tone.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        f.Reasons = DistinctStarts(hits, Lexicon.Reason) + 0.5 * DistinctStarts(hits, Lexicon.WeakReason);
        f.Vague = DistinctStarts(hits, Lexicon.Vague);
    }

    /// <summary>
    /// "log loss" is a metric, not logging: a concept term inside a longer term of another dimension's criterion is
    /// part of that term (the stemmer folds "logging" into "log").
    /// </summary>
    private static bool InsideLongerHit(RubricMatcher matcher, List<PhraseHit> hits, int k)
    {
        // Hits come in token order, so a longer one around this one starts at most a phrase's length before it.
        var hit = hits[k];
        var dimension = matcher.DimensionOf(hit);
        for (var j = k - 1; j >= 0 && hits[j].Start >= hit.Start - MaxPhraseWords; j--)
            if (Contains(hits[j], hit) && matcher.DimensionOf(hits[j]) != dimension) return true;
        for (var j = k + 1; j < hits.Count && hits[j].Start == hit.Start; j++)
            if (Contains(hits[j], hit) && matcher.DimensionOf(hits[j]) != dimension) return true;
        return false;
    }

    private const int MaxPhraseWords = 8;

    private static bool Contains(PhraseHit outer, PhraseHit inner) =>
        outer.End - outer.Start > inner.End - inner.Start && outer.Start <= inner.Start && outer.End >= inner.End;

    private const int MinCopiedRuns = 5;
    private const double CopiedExemplarShare = 0.85;

    // Below ten words a sentence must be all copied: "We evaluate the retrieval and ranking stages offline." echoes a probe
    // and is still the candidate's; "What would you log for every feed request?" pasted in is not.
    private const int MinRunsForShare = 7;
    private const double CopiedShare = 0.6;

    /// <summary>
    /// Most runs of four words in the unit come from the rubric's own wording ("Metrics are specific and justified, with
    /// why each metric fits", its probes pasted as questions) or nearly all from its exemplars. That is the rubric
    /// speaking, not the candidate.
    /// </summary>
    private static bool CopiesRubric(RubricMatcher matcher, Token[] tokens, UnitFeatures f)
    {
        var runs = f.Words - RubricMatcher.RunLength + 1;
        if (runs < MinCopiedRuns) return false;
        Span<int> ids = stackalloc int[RubricMatcher.RunLength];
        int copied = 0, fromExemplars = 0;
        for (var t = f.TokenStart; t + RubricMatcher.RunLength <= f.TokenEnd; t++)
        {
            for (var k = 0; k < ids.Length; k++) ids[k] = tokens[t + k].Id;
            var run = RubricMatcher.Run(ids);
            if (matcher.RubricRuns.Contains(run)) copied++;
            if (matcher.ExemplarRuns.Contains(run)) fromExemplars++;
        }
        // An exemplar is a strong answer a candidate may come close to in places; pasted from a report, it matches nearly
        // every run.
        return copied >= (runs < MinRunsForShare ? runs : CopiedShare * runs)
            || fromExemplars >= (runs < MinRunsForShare ? runs : CopiedExemplarShare * runs);
    }

    /// <summary>
    /// "I would train ...", "Then we can use ...", "My plan is to build ...": the candidate's design, in the first person
    /// and with a modal. "We run 2M requests a second" (no modal) or "We'll use 500M posts a day as the scale" (a figure)
    /// state the problem.
    /// </summary>
    private static bool OpensWithPlan(Token[] tokens, int start, int end, double numbers)
    {
        if (numbers > 0) return false;
        var t = start;
        while (t < end && Lexicon.PlanLeads.Contains(tokens[t].Id)) t++;
        if (t == end) return false;
        var modal = Lexicon.PlanSubjectsWithModal.Contains(tokens[t].Id);
        if (!modal && !Lexicon.PlanSubjects.Contains(tokens[t].Id)) return false;
        for (t++; t < end && (Lexicon.PlanModals.Contains(tokens[t].Id) || Lexicon.PlanFillers.Contains(tokens[t].Id)); t++)
            modal |= Lexicon.PlanModals.Contains(tokens[t].Id);
        // "I want to find out the volume" is a clarifying question.
        return modal && t < end && Lexicon.PlanVerbs.Contains(tokens[t].Id) && (t + 1 == end || tokens[t + 1].Id != Lexicon.Out);
    }

    private const int MinRestatedWords = 5;
    private const double RestatedShare = 0.9;

    private static int DistinctStarts(List<PhraseHit> hits, int payload)
    {
        var count = 0;
        var last = -1;
        foreach (var hit in hits)
        {
            if (hit.Payload != payload || hit.Start == last) continue;
            last = hit.Start;
            count++;
        }
        return count;
    }

    private static bool SentenceStart(NormalizedText text, Token[] tokens, int t)
    {
        for (var i = tokens[t].Start - 1; i >= tokens[t - 1].End; i--)
            if (text.Lower[i] is '.' or '!' or '?' or ':' or '\n' or '(' or '"' or '*' or '|') return true;
        return false;
    }

    /// <summary>
    /// The dimension a heading or lead names, by aliases and dimension/step title words; -1 if none.
    /// <paramref name="part"/>: the words of the part it names when that is all it names ("Retraining"), else null.
    /// </summary>
    internal static int SectionOf(RubricMatcher matcher, Token[] tokens, int start, int end, out string? part)
    {
        part = null;
        var (ts, te) = TokenRange(tokens, start, end);
        if (ts >= te) return -1;
        Span<int> votes = stackalloc int[matcher.DimensionIds.Length];
        var hits = new List<PhraseHit>();
        matcher.HeadingWords.Match(tokens, ts, te, hits);
        foreach (var hit in hits) votes[hit.Payload] += 2;
        for (var t = ts; t < te; t++)
            if (matcher.HeadingIds.TryGetValue(tokens[t].Id, out var d)) votes[d]++;
        var best = -1;
        for (var d = 0; d < votes.Length; d++)
            if (votes[d] > 0 && (best < 0 || votes[d] > votes[best])) best = d;
        if (best >= 0) part = DismissalDetector.PartNamed(matcher, tokens, ts, te, best);
        return best;
    }

    /// <summary>
    /// The dimension a sentence of a few words names and nothing else ("Monitoring.", "Data and labels.") when it opens its
    /// paragraph and more follows; -1 otherwise. "No." or "We monitor." name nothing or say something.
    /// </summary>
    private static int PlainLead(RubricMatcher matcher, NormalizedText text, Token[] tokens, List<Segment> segments, int u, int ts, int te,
        out string? part)
    {
        part = null;
        var s = segments[u];
        if (s.Kind != UnitKind.Sentence || s.HasLabel || te - ts > PlainLeadWords || te <= ts || u + 1 >= segments.Count
            || (u > 0 && segments[u - 1].Block == s.Block) || text.Cased[s.End - 1] is not ('.' or ':')) return -1;
        var hits = new List<PhraseHit>();
        matcher.HeadingWords.Match(tokens, ts, te, hits);
        for (var t = ts; t < te; t++)
            if (!matcher.HeadingIds.ContainsKey(tokens[t].Id) && !Lexicon.TitleJoiners.Contains(tokens[t].Id)
                && !hits.Any(h => h.Start <= t && t < h.End)) return -1;
        return SectionOf(matcher, tokens, s.Start, s.End, out part);
    }

    private const int PlainLeadWords = 3;

    internal static (int Start, int End) TokenRange(Token[] tokens, int start, int end)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        var first = lo;
        while (lo < tokens.Length && tokens[lo].End <= end) lo++;
        return (first, Math.Max(first, lo));
    }
}
