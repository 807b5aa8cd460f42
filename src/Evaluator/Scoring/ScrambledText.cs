namespace Evaluator.Scoring;

/// <summary>
/// Word order that English never has: "the of", "the is", "our we", or a sentence that ends on "the". Shuffled or
/// reversed sentences are full of such breaks; written prose has none (none in the 27,000 sentences of the labelled and
/// padded sets), so three in one paragraph mark it as scrambled (two may be a typo and a false start). Not "a" (a variable in "a is the author") and not
/// "we the" (non-native word order is still an answer).
/// </summary>
internal static class ScrambledText
{
    public const int MinBreaks = 3;

    /// <summary>How many places in the unit English word order rules out.</summary>
    public static int Breaks(NormalizedText text, Token[] tokens, UnitFeatures f)
    {
        var breaks = 0;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            if (!Lexicon.NounOpeners.Contains(tokens[t].Id)) continue;
            if (t + 1 == f.TokenEnd)
            {
                // "... cold the." A phrase cut off by the end of its sentence.
                if (tokens[t].End < text.Length && text.Lower[tokens[t].End] is '.' or '!' or '?') breaks++;
                continue;
            }
            var next = tokens[t + 1];
            // Only words side by side, as words: not "the to-do list", "the in-house model", "the is_clicked label", "the IT
            // team", or a name ("the For You feed").
            if (!Adjacent(text, tokens[t], next) || next.Is(TokenShape.Acronym | TokenShape.Capitalised) || Compound(text, next)) continue;
            if (Lexicon.NeverAfterOpener.Contains(next.Id)) breaks++;
        }
        return breaks;
    }

    /// <summary>Non-words a block needs, and their least share of its plain words, to be letters shuffled inside words.</summary>
    private const int MinNonWords = 5;
    private const double MinNonWordShare = 0.5;
    private const int MinPlainLength = 4;

    /// <summary>
    /// Counts the unit's plain words (lower-case letters only, four or more: names, acronyms and figures are left out) and
    /// those that are no word (<see cref="KnownWords"/>); a word of the rubrics or the lexicon is always one. Outside the
    /// rubrics' words, a written sentence has a quarter of its plain words outside the encoding's vocabulary at most
    /// (technical terms, British spellings), no paragraph of the labelled answers a fifth; with letters shuffled inside
    /// the words, four in five. Without <paramref name="lookUp"/>, every word outside the rubrics and the lexicon counts:
    /// a block that is no candidate by that count is none, and most are spared the look-ups.
    /// </summary>
    public static void CountNonWords(NormalizedText text, Token[] tokens, UnitFeatures f, bool lookUp, ref int plain, ref int nonWords)
    {
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            var token = tokens[t];
            if (token.Shape != TokenShape.None || token.End - token.Start < MinPlainLength) continue;
            var word = text.Lower.AsSpan(token.Start, token.End - token.Start);
            if (word.ContainsAnyExceptInRange('a', 'z')) continue;
            plain++;
            if (token.Id == Vocabulary.Unknown && (!lookUp || !KnownWords.IsWord(word))) nonWords++;
        }
    }

    /// <summary>Words of placeholder text in a block that make it filler: one may be a quotation, three are not.</summary>
    public const int MinFillerWords = 3;

    public static int FillerWords(Token[] tokens, UnitFeatures f)
    {
        var count = 0;
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
            if (Lexicon.LoremIpsum.Contains(tokens[t].Id)) count++;
        return count;
    }

    public static bool ShuffledLetters(int plain, int nonWords) => nonWords >= MinNonWords && nonWords >= MinNonWordShare * plain;

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

    private static bool Adjacent(NormalizedText text, Token first, Token second)
    {
        for (var i = first.End; i < second.Start; i++)
            if (text.Lower[i] != ' ') return false;
        return second.Start > first.End;
    }

    private static bool Compound(NormalizedText text, Token token) => token.End < text.Length && text.Lower[token.End] is '-' or '/' or '\'' or '_';
}
