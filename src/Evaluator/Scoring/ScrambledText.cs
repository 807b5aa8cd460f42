namespace Evaluator.Scoring;

/// <summary>
/// Word order that English never has: "the of", "a is", "our we", "we the", or a sentence that ends on "the". Shuffled or
/// reversed sentences and strings of rubric words are full of such breaks; written prose has none (none in the 27,000
/// sentences of the labelled and padded sets), so two in one paragraph mark it as scrambled.
/// </summary>
internal static class ScrambledText
{
    public const int MinBreaks = 2;

    /// <summary>How many places in the unit English word order rules out.</summary>
    public static int Breaks(NormalizedText text, Token[] tokens, UnitFeatures f)
    {
        var breaks = 0;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            var opener = Lexicon.NounOpeners.Contains(tokens[t].Id) && !IsLetterA(text, tokens[t]);
            var subject = Lexicon.ClauseSubjects.Contains(tokens[t].Id);
            if (!opener && !subject) continue;
            if (t + 1 == f.TokenEnd)
            {
                // "... cold the." A phrase cut off by the end of its sentence.
                if (opener && text.Lower.AsSpan(tokens[t].End, Math.Min(text.Length, tokens[t].End + 1) - tokens[t].End).IndexOfAny(".!?") == 0) breaks++;
                continue;
            }
            var next = tokens[t + 1];
            // Only words side by side, as words: not "the to-do list", "an in-house model", "the A/B test", "the IT team".
            if (!Adjacent(text, tokens[t], next) || next.Is(TokenShape.Acronym) || Compound(text, next)) continue;
            if (opener ? Lexicon.NeverAfterOpener.Contains(next.Id) : Lexicon.NeverAfterSubject.Contains(next.Id)) breaks++;
        }
        return breaks;
    }

    private static readonly System.Buffers.SearchValues<char> GluePunctuation = System.Buffers.SearchValues.Create(",;:()=");
    private const int MinUngluedWords = 40;
    private const double MinGlueShare = 0.15;

    /// <summary>
    /// Function words and inner punctuation: what ties terms into statements. Prose has a third of its words or more in
    /// function words, and terse notes ("Data: purchases as positives; impressions as negatives") make up with colons and
    /// commas; a paragraph of rubric words strung into sentences ("Bookings bias from candidates neighbours type market
    /// changes.") has neither.
    /// </summary>
    public static int Glue(NormalizedText text, Token[] tokens, UnitFeatures f)
    {
        var glue = 0;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            if (Lexicon.FunctionWords.Contains(tokens[t].Id)) glue++;
            if (t > f.TokenStart && text.Lower.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).IndexOfAny(GluePunctuation) >= 0) glue++;
        }
        return glue;
    }

    public static bool Unglued(int words, int glue) => words >= MinUngluedWords && glue < MinGlueShare * words;

    /// <summary>A capital "A" inside a sentence names something ("picture A and picture B"); it is no article.</summary>
    private static bool IsLetterA(NormalizedText text, Token token) =>
        token.End - token.Start == 1 && text.Cased[token.Start] == 'A' && token.Start > 0 && text.Lower[token.Start - 1] == ' '
        && token.Start > 1 && text.Lower[token.Start - 2] is not ('.' or '!' or '?' or '\n' or ':');

    private static bool Adjacent(NormalizedText text, Token first, Token second)
    {
        for (var i = first.End; i < second.Start; i++)
            if (text.Lower[i] != ' ') return false;
        return second.Start > first.End;
    }

    private static bool Compound(NormalizedText text, Token token) => token.End < text.Length && text.Lower[token.End] is '-' or '/' or '\'';
}
