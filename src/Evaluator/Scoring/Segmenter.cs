namespace Evaluator.Scoring;

/// <summary>A unit as cut by the segmenter: normalised character ranges, before any judgement.</summary>
internal readonly record struct Segment(int Start, int End, UnitKind Kind, int Block, int LabelStart, int LabelEnd)
{
    public bool HasLabel => LabelEnd > LabelStart;
}

/// <summary>
/// Cuts a markdown answer into units: headings, list items, table rows and sentences, with bold or
/// "Label:" leads split off, HTML comments and code fences kept whole. Blocks group units of one
/// paragraph, list or section so that neighbouring units can be judged together.
/// </summary>
internal static class Segmenter
{
    private static readonly string[] Abbreviations = ["e.g", "i.e", "etc", "vs", "approx", "cf", "eg", "ie", "incl", "fig", "esp", "min", "max", "avg"];

    public static List<Segment> Split(NormalizedText text)
    {
        var segments = new List<Segment>();
        var s = text.Cased;
        var block = 0;
        var i = 0;
        var lineStartOfParagraph = -1;
        var previousLineOpen = false;
        while (i < s.Length)
        {
            var lineEnd = s.IndexOf('\n', i);
            if (lineEnd < 0) lineEnd = s.Length;
            var (a, b) = Trim(s, i, lineEnd);

            if (a == b || IsRule(s, a, b))
            {
                if (lineStartOfParagraph >= 0) block++;
                lineStartOfParagraph = -1;
                previousLineOpen = false;
                i = lineEnd + 1;
                continue;
            }

            if (StartsWith(s, a, "<!--"))
            {
                var close = s.IndexOf("-->", a + 4, StringComparison.Ordinal);
                var end = close < 0 ? s.Length : close + 3;
                segments.Add(new Segment(a, end, UnitKind.Comment, ++block, 0, 0));
                block++;
                i = NextLine(s, end);
                lineStartOfParagraph = -1;
                previousLineOpen = false;
                continue;
            }
            if (StartsWith(s, a, "```") || StartsWith(s, a, "~~~"))
            {
                var fence = s.Substring(a, 3);
                var close = ClosingFence(s, NextLine(s, a), fence);
                // An unclosed fence is just a stray line: it must not swallow the rest of the answer.
                var end = close < 0 ? b : close + 3;
                segments.Add(new Segment(a, end, UnitKind.Code, ++block, 0, 0));
                block++;
                i = NextLine(s, end);
                lineStartOfParagraph = -1;
                previousLineOpen = false;
                continue;
            }

            // Inline comment inside a line: split it off so the rest of the line stays scoreable.
            var inlineComment = s.IndexOf("<!--", a, b - a, StringComparison.Ordinal);
            if (inlineComment > a)
            {
                var close = s.IndexOf("-->", inlineComment + 4, StringComparison.Ordinal);
                var end = close < 0 ? s.Length : close + 3;
                AddLine(text, segments, a, inlineComment, ref block, ref lineStartOfParagraph, ref previousLineOpen);
                segments.Add(new Segment(inlineComment, end, UnitKind.Comment, block, 0, 0));
                if (end < b)
                {
                    var (c, d) = Trim(s, end, b);
                    if (c < d) AddLine(text, segments, c, d, ref block, ref lineStartOfParagraph, ref previousLineOpen);
                    i = lineEnd + 1;
                }
                else i = NextLine(s, end);
                continue;
            }

            AddLine(text, segments, a, b, ref block, ref lineStartOfParagraph, ref previousLineOpen);
            i = lineEnd + 1;
        }
        return segments;
    }

    private static void AddLine(NormalizedText text, List<Segment> segments, int a, int b, ref int block,
        ref int paragraphStart, ref bool previousLineOpen)
    {
        var s = text.Cased;
        if (s[a] == '#')
        {
            var h = a;
            while (h < b && s[h] == '#') h++;
            var (c, d) = Trim(s, h, b);
            while (d > c && s[d - 1] == '#') d--;
            if (paragraphStart >= 0) block++;
            segments.Add(new Segment(c, d, UnitKind.Heading, block, c, d));
            block++;
            paragraphStart = -1;
            previousLineOpen = false;
            return;
        }

        var kind = UnitKind.Sentence;
        var content = a;
        if (s[a] == '|')
        {
            if (IsTableSeparator(s, a, b)) return;
            kind = UnitKind.TableRow;
        }
        else if (BulletEnd(s, a, b) is var bullet and > 0)
        {
            kind = UnitKind.ListItem;
            content = bullet;
            TitleAbove(s, segments, a);
        }
        else if (s[a] == '>')
        {
            content = a + 1;
        }

        // A wrapped line of the same paragraph extends the previous unit.
        if (kind == UnitKind.Sentence && previousLineOpen && char.IsLower(s[content]) && segments.Count > 0
            && segments[^1].Kind is UnitKind.Sentence or UnitKind.ListItem)
        {
            var last = segments[^1];
            segments.RemoveAt(segments.Count - 1);
            SplitSentences(text, segments, last.Start, b, last.Kind, last.Block, last.LabelStart, last.LabelEnd);
            previousLineOpen = !EndsSentence(s, b);
            return;
        }

        if (paragraphStart < 0) paragraphStart = a;
        (content, _) = Trim(s, content, b);
        if (content >= b) return;

        if (kind == UnitKind.TableRow)
        {
            // First cell is the row's label, the rest its content.
            var firstBar = s.IndexOf('|', content + 1, b - content - 1);
            if (firstBar > 0)
            {
                var (ls, le) = Trim(s, content + 1, firstBar);
                var (cs, ce) = Trim(s, firstBar + 1, b);
                while (ce > cs && s[ce - 1] == '|') ce--;
                (cs, ce) = Trim(s, cs, ce);
                if (cs < ce) segments.Add(new Segment(cs, ce, kind, block, ls, le));
                else if (ls < le) segments.Add(new Segment(ls, le, kind, block, ls, le));
            }
            previousLineOpen = false;
            return;
        }

        var (labelStart, labelEnd, rest) = Lead(s, content, b);
        if (rest >= b)
        {
            // "**Data.**" or "Requirements I'd confirm:" alone on its line reads as a heading.
            if (labelEnd > labelStart)
            {
                segments.Add(new Segment(labelStart, labelEnd, UnitKind.Heading, block, labelStart, labelEnd));
                previousLineOpen = false;
                return;
            }
        }
        if (kind == UnitKind.Sentence && labelEnd == labelStart && b > content && s[b - 1] == ':' && CountWords(s, content, b) <= 8)
        {
            segments.Add(new Segment(content, b - 1, UnitKind.Heading, block, content, b - 1));
            previousLineOpen = false;
            return;
        }
        SplitSentences(text, segments, rest, b, kind, block, labelStart, labelEnd);
        previousLineOpen = !EndsSentence(s, b);
    }

    private static void SplitSentences(NormalizedText text, List<Segment> segments, int a, int b, UnitKind kind, int block,
        int labelStart, int labelEnd)
    {
        var s = text.Cased;
        var start = a;
        for (var i = a; i < b; i++)
        {
            var c = s[i];
            if (c is not ('.' or '!' or '?')) continue;
            var next = i + 1;
            while (next < b && s[next] is '*' or '_' or '"' or '\'' or ')') next++;
            if (next >= b || !char.IsWhiteSpace(s[next])) continue;
            var after = next;
            while (after < b && char.IsWhiteSpace(s[after])) after++;
            if (after >= b) break;
            var n = s[after];
            if (!(char.IsUpper(n) || char.IsDigit(n) || n is '*' or '(' or '"' or '`' or '[' or '~' or '{' or '<')) continue;
            if (c == '.' && IsAbbreviation(text.Lower, start, i)) continue;
            Add(segments, s, start, next, kind, block, labelStart, labelEnd);
            labelStart = labelEnd = 0;
            start = after;
            i = after - 1;
        }
        Add(segments, s, start, b, kind, block, labelStart, labelEnd);
    }

    private static void Add(List<Segment> segments, string s, int a, int b, UnitKind kind, int block, int labelStart, int labelEnd)
    {
        var (c, d) = Trim(s, a, b);
        if (c < d) segments.Add(new Segment(c, d, kind, block, labelStart, labelEnd));
    }

    /// <summary>A bold lead ("**Data.**", "**Goal:**") or a short "Label:" lead; returns its span and where the rest starts.</summary>
    private static (int LabelStart, int LabelEnd, int After) Lead(string s, int a, int b)
    {
        if (StartsWith(s, a, "**") || StartsWith(s, a, "__"))
        {
            var marker = s.Substring(a, 2);
            var close = s.IndexOf(marker, a + 2, b - a - 2, StringComparison.Ordinal);
            if (close > a + 2)
            {
                var after = close + 2;
                var innerEnd = close;
                var inner = s[innerEnd - 1];
                var follow = after < b ? s[after] : '\0';
                if (inner is '.' or ':' || follow is ':' or '.' || after >= b)
                {
                    var labelEnd = inner is '.' or ':' ? innerEnd - 1 : innerEnd;
                    var rest = follow is ':' or '.' ? after + 1 : after;
                    while (rest < b && char.IsWhiteSpace(s[rest])) rest++;
                    return (a + 2, labelEnd, rest);
                }
            }
            return (0, 0, a);
        }
        var colon = s.IndexOf(':', a, Math.Min(b - a, 40));
        if (colon > a && colon + 1 < b && char.IsWhiteSpace(s[colon + 1]) && CountWords(s, a, colon) <= 4 && char.IsLetter(s[a]))
        {
            var rest = colon + 1;
            while (rest < b && char.IsWhiteSpace(s[rest])) rest++;
            return (a, colon, rest);
        }
        return (0, 0, a);
    }

    private static int BulletEnd(string s, int a, int b)
    {
        if (a + 1 < b && s[a] is '-' or '*' or '+' or '•' && char.IsWhiteSpace(s[a + 1])) return a + 2;
        var i = a;
        while (i < b && char.IsDigit(s[i])) i++;
        if (i > a && i - a <= 3 && i + 1 < b && s[i] is '.' or ')' && char.IsWhiteSpace(s[i + 1])) return i + 2;
        return 0;
    }

    private static bool IsAbbreviation(string lower, int start, int dot)
    {
        var w = dot;
        while (w > start && (char.IsLetter(lower[w - 1]) || lower[w - 1] == '.')) w--;
        var word = lower.AsSpan(w, dot - w);
        foreach (var abbreviation in Abbreviations)
            if (word.SequenceEqual(abbreviation)) return true;
        return false;
    }

    /// <summary>
    /// "Model" or "Serving (batch)" alone on the line above a list, with no stop: notes written without markdown title
    /// their lists this way, so the line is a heading (four words at most; "We would track these" is a sentence).
    /// </summary>
    private static void TitleAbove(string s, List<Segment> segments, int listLine)
    {
        if (segments.Count == 0 || segments[^1] is not { Kind: UnitKind.Sentence } last || last.HasLabel) return;
        var lineStart = last.Start;
        while (lineStart > 0 && s[lineStart - 1] is ' ' or '\t') lineStart--;
        if (lineStart > 0 && s[lineStart - 1] != '\n') return;
        var gap = s.AsSpan(last.End, listLine - last.End);
        if (gap.Trim().Length > 0 || gap.Count('\n') != 1) return;
        if (EndsSentence(s, last.End) || s[last.End - 1] is ',' or ';' || CountWords(s, last.Start, last.End) > 4) return;
        segments[^1] = last with { Kind = UnitKind.Heading, LabelStart = last.Start, LabelEnd = last.End };
    }

    private static bool EndsSentence(string s, int b)
    {
        var i = b - 1;
        while (i >= 0 && s[i] is '*' or '_' or '"' or ')') i--;
        return i >= 0 && s[i] is '.' or '!' or '?' or ':';
    }

    private static bool IsRule(string s, int a, int b)
    {
        var line = s.AsSpan(a, b - a);
        return line.IndexOfAnyExcept("-*_ ") < 0 && line.Length - line.Count(' ') >= 3;
    }

    private static bool IsTableSeparator(string s, int a, int b) => s.AsSpan(a, b - a).IndexOfAnyExcept("|-: ") < 0;

    /// <summary>Runs of non-space characters in s[a..b).</summary>
    internal static int CountWords(string s, int a, int b)
    {
        var count = 0;
        var inWord = false;
        for (var i = a; i < b; i++)
        {
            var letter = !char.IsWhiteSpace(s[i]);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }

    private static (int, int) Trim(string s, int a, int b)
    {
        while (a < b && char.IsWhiteSpace(s[a])) a++;
        while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
        return (a, b);
    }

    /// <summary>The next line that starts (after indentation) with the fence, or -1.</summary>
    private static int ClosingFence(string s, int from, string fence)
    {
        for (var line = from; line < s.Length; line = NextLine(s, line))
        {
            var at = line;
            while (at < s.Length && s[at] is ' ' or '\t') at++;
            if (StartsWith(s, at, fence)) return at;
        }
        return -1;
    }

    private static int NextLine(string s, int from)
    {
        var nl = s.IndexOf('\n', Math.Min(from, s.Length));
        return nl < 0 ? s.Length : nl + 1;
    }

    private static bool StartsWith(string s, int a, string prefix) =>
        a + prefix.Length <= s.Length && string.CompareOrdinal(s, a, prefix, 0, prefix.Length) == 0;
}
