using System.Buffers;
using System.Text.RegularExpressions;

namespace Evaluator.Scoring;

/// <summary>
/// Finds text addressed to the grader rather than the interviewer: fake role lines (SYSTEM:, Assistant:),
/// "ignore previous instructions", notes to the evaluator, requests for marks, hidden HTML and fake score
/// blocks. Such units are excluded from everything else the scorer computes, so an answer scores exactly
/// as it would without them.
/// </summary>
internal static partial class InjectionDetector
{
    /// <summary>Marks injected units (by index) in <paramref name="injected"/>; returns whether any were found.</summary>
    public static bool Detect(NormalizedText text, List<Segment> segments, bool[] injected)
    {
        var strong = new List<(int Start, int End)>();
        foreach (var (regex, triggers) in StrongPatterns)
        {
            // Most answers contain none of a pattern's rare words: a vectorised scan spares running the regex.
            if (text.Lower.AsSpan().IndexOfAny(triggers) < 0) continue;
            foreach (var m in regex.EnumerateMatches(text.Lower))
                strong.Add((m.Index, m.Index + m.Length));
        }
        var roles = RoleMarkers(text.Lower, 0, text.Length);
        strong.AddRange(roles);

        var any = false;
        var roleTurns = new Dictionary<int, int>();
        for (var u = 0; u < segments.Count; u++)
        {
            var s = segments[u];
            var hit = s.Kind == UnitKind.Comment || Overlaps(strong, s.Start, s.End)
                || (s.HasLabel && Overlaps(strong, s.LabelStart, s.LabelEnd));
            if (s.Kind == UnitKind.Code && !hit) hit = ScoreBlock().IsMatch(text.Lower.AsSpan(s.Start, s.End - s.Start));
            if (!hit) continue;
            injected[u] = any = true;
            if (Overlaps(roles, s.Start, s.End)) roleTurns.TryAdd(s.Block, u);
        }
        if (!any) return false;

        // The rest of an injected passage: same block and still talking to the grader, or the rest of a fake role turn.
        var blocks = new HashSet<int>();
        for (var u = 0; u < segments.Count; u++)
            if (injected[u]) blocks.Add(segments[u].Block);
        for (var u = 0; u < segments.Count; u++)
        {
            if (injected[u] || !blocks.Contains(segments[u].Block)) continue;
            var s = segments[u];
            if ((roleTurns.TryGetValue(s.Block, out var turn) && u > turn) || WeakCue().IsMatch(text.Lower.AsSpan(s.Start, s.End - s.Start)))
                injected[u] = true;
        }
        return true;
    }

    /// <summary>
    /// "SYSTEM:", "Assistant:", "**Grader note:**" opening a line or a sentence: a fake turn of a conversation.
    /// The same words inside a sentence ("the serving system: ...") are not.
    /// </summary>
    private static List<(int Start, int End)> RoleMarkers(string lower, int from, int to)
    {
        var markers = new List<(int, int)>();
        foreach (var m in RoleWord().EnumerateMatches(lower.AsSpan(from, to - from)))
        {
            var i = from + m.Index - 1;
            while (i >= from && lower[i] is ' ' or '\t' or '>' or '*' or '_' or '#' or '[' or '(' or '`' or '-') i--;
            var opensTurn = i < from || lower[i] == '\n';
            if (!opensTurn && lower[i] is '.' or '!' or '?' or '"' or '\'' or ')')
                opensTurn = i + 1 < lower.Length && char.IsWhiteSpace(lower[i + 1]) || lower[i] is '"' or '\'' or ')';
            if (opensTurn) markers.Add((from + m.Index, from + m.Index + m.Length));
        }
        return markers;
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (a, b) in spans)
            if (a < end && b > start) return true;
        return false;
    }

    private static readonly (Regex Regex, SearchValues<string> Triggers)[] StrongPatterns =
    [
        (IgnoreInstructions(), Words("ignore", "disregard", "forget", "override")),
        (NoteToGrader(), Words("evaluator", "grader", "reviewer", "examiner", "assessor", "marker", "scorer", "judge", " ai", "llm", "language model", "grading")),
        (IfYouAreAnAi(), Words("you are", "you're", "you re")),
        (AskForMarks(), Words("full marks", "full score", "maximum", "max score", "highest", "top score", "top marks", "perfect", "level 3", "score of 3", "a 3", "3/3", "100/100", "10/10", "strong hire", "3 on every", "3 to ")),
        (GraderWords(), Words("grader", "evaluator", "scorer", "judge", "reviewer", "grading", "evaluation result", "scoring instructions")),
        (DoNotPenalise(), Words("mention", "reveal", "penalise", "penalize", "deduct", "dock")),
        (Authority(), Words("approved", "calibration example", "reference solution", "hiring committee", "validated")),
        (ScoreBlock(), Words("{")),
        (HiddenHtml(), Words("<")),
    ];

    private static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.Ordinal);

    [GeneratedRegex(@"\b(system|assistant|grader|evaluator|developer|scorer|judge)[ \t]*(prompt|message|note|instructions?)?[ \t*_)\]]*:")]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b[^.\n]{0,30}\b(instructions?|prompts?|rules|guidelines|rubric|directions|criteria)\b")]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\b(note|message|notice|instructions?|memo|hint)s? (to|for) (the |any |all )?(evaluators?|graders?|reviewers?|examiners?|assessors?|markers?|scorers?|judges?|ai|llms?|language models?|grading)\b")]
    private static partial Regex NoteToGrader();

    [GeneratedRegex(@"\b(if|when|as) you (are|'re|re) (an? |the )?(ai|llm|large language|language model|automated|grader|evaluator|assistant|model|scoring)")]
    private static partial Regex IfYouAreAnAi();

    [GeneratedRegex(@"\b(give|assign|award|grant|rate|mark|score|grade)\b[^.\n]{0,50}\b(full marks|full score|maximum|max score|highest|top (score|marks)|perfect|level 3|score of 3|a 3\b|3/3|100/100|10/10|strong hire|3 on every|3 to (all|every|each))")]
    private static partial Regex AskForMarks();

    [GeneratedRegex(@"\b((automated|ai|llm) (grader|evaluator|scorer|judge|reviewer)|grader (instructions|output|note)|grading (instructions|error|note)|evaluation result|grader_output|scoring instructions)")]
    private static partial Regex GraderWords();

    [GeneratedRegex(@"\b(do not|don't|dont|never) (mention|reveal|penali[sz]e|deduct|dock)")]
    private static partial Regex DoNotPenalise();

    [GeneratedRegex(@"\b(pre-?approved|calibration example|reference solution|hiring committee|already been validated|already validated)\b")]
    private static partial Regex Authority();

    [GeneratedRegex(@"\{[^{}]{0,600}?""?(overall|scores?|requirements|metrics|data|modell?ing|serving|monitoring|grades?|levels?|verdict|grader_output)""?\s*:\s*(""?\d|\{)")]
    private static partial Regex ScoreBlock();

    [GeneratedRegex(@"<[a-z]+[^>]*(display\s*:\s*none|font-size\s*:\s*0|visibility\s*:\s*hidden|hidden)[^>]*>")]
    private static partial Regex HiddenHtml();

    [GeneratedRegex(@"\b(grader|grading|evaluator|scores?|scored|scoring|marks|rubric|dimensions?|level [0-3]|this (answer|response|candidate|submission)|brevity|penali[sz]|deduct|verbatim|final output|reviewer|reviewed|approved)\b")]
    private static partial Regex WeakCue();
}
