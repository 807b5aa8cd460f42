using Evaluator.Rubrics;

namespace Evaluator.Scoring;

/// <summary>
/// One unit of an answer (a sentence, list item, table row, heading, code block or HTML comment) with its
/// span in the ORIGINAL answer and what the analyser concluded about it.
/// </summary>
public sealed record AnswerUnit
{
    public required int Index { get; init; }

    /// <summary>Offset of <see cref="Text"/> in the original answer.</summary>
    public required int Start { get; init; }

    public required string Text { get; init; }

    public required UnitKind Kind { get; init; }

    /// <summary>Units of one paragraph, list or table share a block number.</summary>
    public required int Block { get; init; }

    /// <summary>The dimension named by the heading or bold lead this unit sits under, if any.</summary>
    public string? Section { get; init; }

    /// <summary>Addressed to the grader (prompt injection): never evidence, ignored by every rule.</summary>
    public bool Injected { get; init; }

    /// <summary>The interviewer's line of a pasted transcript: the case's facts, never evidence, ignored by every rule.</summary>
    public bool Asked { get; init; }

    /// <summary>A list of bare terms: evidence from it is worth level 1 at most.</summary>
    public bool ListLike { get; init; }

    /// <summary>Scrambled word order or the rubric's own wording pasted in: never evidence (and counted as a list of terms).</summary>
    public bool Garbled { get; init; }

    /// <summary>The dimension this unit dismisses ("monitoring is not needed"), if any.</summary>
    public string? Dismisses { get; init; }

    /// <summary>
    /// The dimension one of whose parts this unit waves away ("labels are not needed here"), if any: the design is
    /// narrowed, not dismissed, and the unit is no evidence for that dimension.
    /// </summary>
    public string? Narrows { get; init; }

    public int End => Start + Text.Length;

    /// <summary>Whether the unit may be quoted as evidence at all.</summary>
    public bool CanBeEvidence => !Injected && !Asked && !Garbled && Dismisses is null && Kind is not (UnitKind.Heading or UnitKind.Comment or UnitKind.Code);
}

/// <summary>
/// What <see cref="AnswerAnalyzer.Analyse"/> found in one answer for one case: its units, flags,
/// dismissed dimensions and the lexical concept matches per criterion. Model-backed scorers start
/// from this, add their own matches, and let <see cref="AnswerAnalyzer"/> grade and assemble the result.
/// </summary>
public sealed class AnswerAnalysis
{
    internal AnswerAnalysis(string answer, CaseRubric rubric, IReadOnlyList<AnswerUnit> units,
        IReadOnlySet<string> dismissed, IReadOnlyList<string> flags,
        IReadOnlyDictionary<string, IReadOnlyList<int>> conceptMatches,
        IReadOnlyDictionary<string, IReadOnlyList<int>> dimensionMentions,
        RubricMatcher matcher, UnitFeatures[] features, Token[] tokens)
    {
        Answer = answer;
        Rubric = rubric;
        Units = units;
        DismissedDimensions = dismissed;
        Flags = flags;
        ConceptMatches = conceptMatches;
        DimensionMentions = dimensionMentions;
        Matcher = matcher;
        Features = features;
        Tokens = tokens;
    }

    public string Answer { get; }

    public CaseRubric Rubric { get; }

    public IReadOnlyList<AnswerUnit> Units { get; }

    /// <summary>Dimensions the candidate explicitly dismissed: always level 0.</summary>
    public IReadOnlySet<string> DismissedDimensions { get; }

    /// <summary><see cref="Scoring.Flags.KeywordStuffing"/> and/or <see cref="Scoring.Flags.PromptInjection"/>.</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>Criterion id → indexes of units that match one of its concept phrasings.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ConceptMatches { get; }

    /// <summary>Dimension id → indexes of units that name the dimension itself ("we'll monitor it").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> DimensionMentions { get; }

    /// <summary>The units that may be quoted as evidence (not injected, not a dismissal, not a heading).</summary>
    public IEnumerable<AnswerUnit> EvidenceUnits => Units.Where(u => u.CanBeEvidence);

    /// <summary>
    /// The unit that contains <paramref name="quote"/> (an exact substring of the answer), preferring one that
    /// may be evidence; null when the quote is not inside any unit.
    /// </summary>
    public AnswerUnit? FindUnit(string quote)
    {
        if (string.IsNullOrEmpty(quote)) return null;
        if (Quotes.TryGetValue(quote, out var known)) return Units[known];
        AnswerUnit? found = null;
        for (var at = Answer.IndexOf(quote, StringComparison.Ordinal); at >= 0;
             at = Answer.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            // The same words may sit in injected text and in a real sentence: prefer the quotable one.
            foreach (var unit in Units)
            {
                if (unit.Start > at || at + quote.Length > unit.End) continue;
                if (unit.CanBeEvidence) return unit;
                found ??= unit;
            }
        }
        return found;
    }

    internal RubricMatcher Matcher { get; }

    internal UnitFeatures[] Features { get; }

    internal Token[] Tokens { get; }

    /// <summary>Evidence cut by the grader, with its unit: spares searching the answer for it again.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, int> Quotes { get; } = new(StringComparer.Ordinal);
}
