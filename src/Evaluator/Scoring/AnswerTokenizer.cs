namespace Evaluator.Scoring;

[Flags]
internal enum TokenShape : byte
{
    None = 0,
    Number = 1,
    /// <summary>Two or more capitals as written (CTR, mAP, HNSW): only these match generated acronyms.</summary>
    Acronym = 2,
    /// <summary>A capital after the first letter or a letter-digit mix (RetinaNet, nDCG, p99, FP16).</summary>
    Technical = 4,
    Capitalised = 8,
    /// <summary>Followed by '%' or a unit-like suffix glued on (200ms, 10M, 16K).</summary>
    Quantity = 16,
}

/// <summary>One word or number of the normalised answer, with its stem's vocabulary id.</summary>
internal readonly record struct Token(int Start, int End, int Id, TokenShape Shape)
{
    public bool Is(TokenShape shape) => (Shape & shape) != 0;
}

/// <summary>Splits normalised text into word and number tokens and stems them.</summary>
internal static class AnswerTokenizer
{
    public static Token[] Tokenize(NormalizedText text) => Tokenize(text.Cased, text.Lower, 0, text.Length);

    public static Token[] Tokenize(string cased, string lower, int from, int to)
    {
        // A token takes at least two characters of text (a letter and a separator), so this never grows.
        var tokens = System.Buffers.ArrayPool<Token>.Shared.Rent(Math.Max(1, (to - from + 1) / 2));
        var count = 0;
        Span<char> buffer = stackalloc char[64];
        var i = from;
        while (i < to)
        {
            if (!char.IsLetterOrDigit(lower[i])) { i++; continue; }
            var start = i;
            var length = 0;
            int letters = 0, digits = 0, capitals = 0;
            var innerCapital = false;
            while (i < to)
            {
                var c = lower[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (char.IsDigit(c)) digits++;
                    else letters++;
                    if (char.IsUpper(cased[i]))
                    {
                        capitals++;
                        if (i > start) innerCapital = true;
                    }
                    if (length < buffer.Length) buffer[length++] = c;
                    i++;
                }
                // don't, user's: the apostrophe joins; 1,500 and 0.2: the separator stays in the number.
                else if (c == '\'' && i + 1 < to && char.IsLetter(lower[i + 1]) && letters > 0) i++;
                else if (c is '.' or ',' && digits > 0 && letters == 0 && i + 1 < to && char.IsDigit(lower[i + 1])) i++;
                else break;
            }

            var shape = TokenShape.None;
            if (digits > 0) shape |= TokenShape.Number;
            if (capitals >= 2) shape |= TokenShape.Acronym;
            if (innerCapital || (digits > 0 && letters > 0)) shape |= TokenShape.Technical;
            if (capitals > 0 && char.IsUpper(cased[start])) shape |= TokenShape.Capitalised;
            if (digits > 0 && (letters > 0 || (i < to && lower[i] == '%'))) shape |= TokenShape.Quantity;

            var stemLength = letters > 0 && digits == 0 ? Stemmer.Stem(buffer, length) : length;
            tokens[count++] = new Token(start, i, Vocabulary.Find(buffer[..stemLength]), shape);
        }
        var result = tokens.AsSpan(0, count).ToArray();
        System.Buffers.ArrayPool<Token>.Shared.Return(tokens);
        return result;
    }

    /// <summary>The stems of a rubric phrasing, interned: "Click-through rates" gives click, through, rate.</summary>
    public static int[] InternPhrase(string phrase)
    {
        var text = NormalizedText.From(phrase);
        var ids = new List<int>();
        Span<char> buffer = stackalloc char[64];
        foreach (var word in Words(text.Lower))
        {
            var length = Math.Min(word.Length, buffer.Length);
            word.AsSpan(0, length).CopyTo(buffer);
            var isWord = !word.Any(char.IsDigit);
            var stemLength = isWord ? Stemmer.Stem(buffer, length) : length;
            ids.Add(Vocabulary.Intern(new string(buffer[..stemLength])));
        }
        return [.. ids];
    }

    /// <summary>The raw lower-case words of a phrasing, split the same way as answers.</summary>
    public static IEnumerable<string> Words(string lower)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (c == '\'' && current.Length > 0 && i + 1 < lower.Length && char.IsLetter(lower[i + 1])) { }
            else if (c is '.' or ',' && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < lower.Length && char.IsDigit(lower[i + 1])) { }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
