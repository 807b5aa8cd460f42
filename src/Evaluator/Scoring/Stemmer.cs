namespace Evaluator.Scoring;

/// <summary>
/// A light suffix stripper, applied alike to rubric phrasings and answer words, so that
/// "labels", "labelled" and "labeling" meet, as do "optimise" and "optimize". It only needs to be
/// consistent, not linguistically right.
/// </summary>
internal static class Stemmer
{
    /// <summary>Stems the lower-case word in place and returns its new length.</summary>
    public static int Stem(Span<char> w, int n)
    {
        if (n <= 3) return n;
        // British -ise/-yse spellings meet American -ize/-yze.
        n = FoldIse(w, n);
        // Every plural ending ends in 's'.
        if (w[n - 1] != 's') { }
        else if (EndsWith(w, n, "ies") && n > 4) { n -= 2; w[n - 1] = 'y'; }
        else if (EndsWith(w, n, "sses") || EndsWith(w, n, "xes") || EndsWith(w, n, "ches") || EndsWith(w, n, "shes") || EndsWith(w, n, "zes")) n -= 2;
        else if (!EndsWith(w, n, "ss") && !EndsWith(w, n, "us") && !EndsWith(w, n, "is")) n -= 1;

        if (EndsWith(w, n, "ing") && n > 5) n -= 3;
        else if (EndsWith(w, n, "ed") && n > 4) n -= 2;
        if (n > 4 && w[n - 1] == 'e') n -= 1;
        if (n > 3 && w[n - 1] == w[n - 2] && IsConsonant(w[n - 1])) n -= 1;
        return n;
    }

    public static string Stem(string word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().ToLowerInvariant(buffer);
        return new string(buffer[..Stem(buffer, word.Length)]);
    }

    private static int FoldIse(Span<char> w, int n)
    {
        // Every ending starts "is" or "ys" and is at most 8 long: most words have neither near their end.
        var near = false;
        for (var k = Math.Max(0, n - 8); k + 1 < n && !near; k++) near = w[k] is 'i' or 'y' && w[k + 1] == 's';
        if (!near) return n;
        ReadOnlySpan<string> endings = ["isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "ysing"];
        foreach (var ending in endings)
        {
            if (n - ending.Length < 3 || !EndsWith(w, n, ending)) continue;
            w[n - ending.Length + 1] = 'z';
            break;
        }
        return n;
    }

    private static bool EndsWith(Span<char> w, int n, string suffix) =>
        n >= suffix.Length && w[(n - suffix.Length)..n].SequenceEqual(suffix);

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' and not ('a' or 'e' or 'i' or 'o' or 'u');
}
