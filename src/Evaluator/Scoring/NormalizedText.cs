using System.Globalization;
using System.Text;

namespace Evaluator.Scoring;

/// <summary>
/// The answer with invisible and look-alike characters folded away (zero-width, soft hyphen, NBSP,
/// Cyrillic/Greek homoglyphs, fullwidth forms, typographic dashes and quotes, a lone carriage return), in two case variants
/// of equal length, plus a map from every normalised character back to the original text so that
/// evidence is always cut from what the candidate wrote.
/// </summary>
internal sealed class NormalizedText
{
    private NormalizedText(string original, string cased, int[] start, int[] end)
    {
        Original = original;
        Cased = cased;
        Lower = cased.ToLowerInvariant();
        OriginalStart = start;
        OriginalEnd = end;
    }

    public string Original { get; }

    /// <summary>Normalised, case kept (acronyms and names are told apart by their capitals).</summary>
    public string Cased { get; }

    /// <summary>Normalised and lower-cased; same length and indexes as <see cref="Cased"/>.</summary>
    public string Lower { get; }

    /// <summary>Original index of the first UTF-16 unit behind each normalised character.</summary>
    public int[] OriginalStart { get; }

    /// <summary>Original index just past the last UTF-16 unit behind each normalised character.</summary>
    public int[] OriginalEnd { get; }

    public int Length => Cased.Length;

    /// <summary>The original substring behind normalised [start, end).</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (end > start) return (OriginalStart[start], OriginalEnd[end - 1]);
        var at = start < Length ? OriginalStart[start] : Original.Length;
        return (at, at);
    }

    public static NormalizedText From(string original)
    {
        // Folding rarely changes the length: size for one-for-one and grow only when it does not hold.
        var chars = new char[original.Length];
        var start = new int[original.Length];
        var end = new int[original.Length];
        var count = 0;
        Span<char> buffer = stackalloc char[8];
        for (var i = 0; i < original.Length;)
        {
            var ch = original[i];
            if (ch < 0x80 && count < chars.Length)
            {
                // A carriage return alone ends a line (old Mac files, some web forms); before a line feed it is part of it.
                chars[count] = ch == '\r' && (i + 1 == original.Length || original[i + 1] != '\n') ? '\n' : ch;
                start[count] = i;
                end[count++] = i + 1;
                i++;
                continue;
            }
            var width = char.IsHighSurrogate(ch) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            var written = Fold(original.AsSpan(i, width), buffer);
            if (count + written > chars.Length)
            {
                var size = Math.Max(chars.Length * 2, count + written);
                Array.Resize(ref chars, size);
                Array.Resize(ref start, size);
                Array.Resize(ref end, size);
            }
            for (var k = 0; k < written; k++)
            {
                chars[count] = buffer[k];
                start[count] = i;
                end[count++] = i + width;
            }
            i += width;
        }
        if (count != start.Length)
        {
            Array.Resize(ref start, count);
            Array.Resize(ref end, count);
        }
        return new NormalizedText(original, new string(chars, 0, count), start, end);
    }

    /// <summary>Writes the folded form of one character (0 to a few chars) and returns how many were written.</summary>
    private static int Fold(ReadOnlySpan<char> c, Span<char> output)
    {
        if (c.Length == 1)
        {
            var ch = c[0];
            if (ch < 0x80)
            {
                output[0] = ch;
                return 1;
            }
            switch (ch)
            {
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u034F':
                    return 0;
                case '\u00A0' or '\u2007' or '\u202F' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                    output[0] = ' ';
                    return 1;
                case '\u2028' or '\u2029':
                    output[0] = '\n';
                    return 1;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' or '\uFE63' or '\uFF0D':
                    output[0] = '-';
                    return 1;
                case '\u2014' or '\u2015':
                    output[0] = ' ';
                    output[1] = '-';
                    output[2] = ' ';
                    return 3;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC':
                    output[0] = '\'';
                    return 1;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033':
                    output[0] = '"';
                    return 1;
                case '\u2192' or '\u27F6' or '\u21D2':
                    output[0] = '-';
                    output[1] = '>';
                    return 2;
                case '\u2026':
                    output[0] = '.';
                    output[1] = '.';
                    output[2] = '.';
                    return 3;
            }
            if (Homoglyph(ch) is var latin and not '\0')
            {
                output[0] = latin;
                return 1;
            }
        }
        // Compatibility decomposition folds fullwidth forms, ligatures and accents; marks are dropped.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        var count = 0;
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format) continue;
            if (count == output.Length) break;
            output[count++] = Homoglyph(d) is var latin and not '\0' ? latin : d;
        }
        return count;
    }

    /// <summary>Cyrillic and Greek letters that look like Latin ones, used to disguise words.</summary>
    private static char Homoglyph(char c) => c switch
    {
        'а' => 'a', 'в' => 'b', 'е' => 'e', 'ё' => 'e', 'к' => 'k', 'м' => 'm', 'н' => 'h', 'о' => 'o', 'р' => 'p',
        'с' => 'c', 'т' => 't', 'у' => 'y', 'х' => 'x', 'ѕ' => 's', 'і' => 'i', 'ї' => 'i', 'ј' => 'j', 'ԁ' => 'd',
        'ɡ' => 'g', 'һ' => 'h', 'ԛ' => 'q', 'ԝ' => 'w', 'ӏ' => 'l',
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P', 'С' => 'C',
        'Т' => 'T', 'У' => 'Y', 'Х' => 'X', 'Ѕ' => 'S', 'І' => 'I', 'Ј' => 'J', 'Ԁ' => 'D', 'Ԛ' => 'Q', 'Ԝ' => 'W',
        'α' => 'a', 'ο' => 'o', 'ρ' => 'p', 'ε' => 'e', 'ι' => 'i', 'κ' => 'k', 'ν' => 'v', 'τ' => 't', 'υ' => 'u',
        'χ' => 'x', 'γ' => 'y', 'ϲ' => 'c', 'ϳ' => 'j',
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N',
        'Ο' => 'O', 'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X', 'Ϲ' => 'C',
        _ => '\0',
    };
}
