using System.Text.RegularExpressions;
using Evaluator.Rubrics;

namespace Evaluator.Interviews;

/// <summary>Reads a candidate's answer: which sentences are clarifying questions, which facts they ask for, whether they want to move on.</summary>
public static partial class CandidateText
{
    /// <summary>Splits on sentence ends followed by space or a line break, so "1.5" and "e.g." inside a sentence stay whole.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();

    /// <summary>A question mark, an interrogative opening ("what is", "how many", "do we") or asking leave to assume.</summary>
    public static bool IsQuestion(string sentence)
    {
        var normalised = Normalise(sentence);
        return normalised.TrimEnd().EndsWith('?') || QuestionOpening().IsMatch(normalised) || AssumptionRequest().IsMatch(normalised);
    }

    /// <summary>"let's move on", "can we move on", "next step", or a bare "next" / "skip".</summary>
    public static bool AsksToMoveOn(string text)
    {
        var normalised = Normalise(text);
        return MoveOn().IsMatch(normalised) || BareMoveOn().IsMatch(normalised);
    }

    /// <summary>The facts whose trigger terms occur in the questions, in the case file's order.</summary>
    public static IReadOnlyList<Fact> MatchFacts(CaseRubric rubric, IEnumerable<string> questions)
    {
        var asked = string.Join('\n', questions.Select(Normalise));
        return rubric.Facts.Where(f => f.Triggers.Any(t => ContainsTerm(asked, Normalise(t)))).ToList();
    }

    /// <summary>The term at a word start, so "dau" matches "DAU?" but not "sandau"; endings ("latencies") may follow.</summary>
    private static bool ContainsTerm(string text, string term)
    {
        for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.Ordinal))
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1])) return true;
        return false;
    }

    private static string Normalise(string text) => text.ToLowerInvariant().Replace('’', '\'');

    [GeneratedRegex(@"(?<=[.?!])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    // Interrogative pairs only: "What we'd do is..." or "When users open the app, ..." are statements.
    [GeneratedRegex(@"^\W*(?:(?:so|and|also|first|ok|okay|then)\W+)?(?:what(?:'s|\s+(?:is|are|was|about|kind|type|sort))|how\s+(?:many|much|big|large|fast|often|long|quickly|is|are|do|does)|(?:do|does|did)\s+(?:we|you|they|the|it|i|users)|(?:is|are)\s+(?:there|it|the|this|that|we)|(?:can|could|should|will|would|may)\s+(?:we|i|you|the|it|users)|which\s+(?:is|are|one))\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"\b(?:can|may|could|should|shall)\s+(?:i|we)\s+assume\b|\bi(?:'d| would) like to know\b", RegexOptions.IgnoreCase)]
    private static partial Regex AssumptionRequest();

    [GeneratedRegex(@"\b(?:let's|let us|lets|can we|could we|shall we|i'd like to|i want to|please)\s+(?:just\s+)?move on\b|\bnext (?:step|question|section|topic)\b|\bskip (?:this|ahead)\b")]
    private static partial Regex MoveOn();

    [GeneratedRegex(@"^\W*(?:next|skip|move on|pass)(?:\W+please)?\W*$")]
    private static partial Regex BareMoveOn();
}
