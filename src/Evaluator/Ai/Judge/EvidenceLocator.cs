using System.Text;

namespace Evaluator.Ai;

/// <summary>
/// Finds a model's quote in the answer, ignoring differences in whitespace and invisible characters,
/// and returns the answer's own text for it, so reported evidence is always an exact substring.
/// </summary>
public sealed class EvidenceLocator
{
    private readonly string answer;
    private readonly string normalised;
    private readonly int[] starts; // normalised index -> index of the original text it came from
    private readonly int[] ends;   // normalised index -> end (exclusive) of that original text

    public EvidenceLocator(string answer)
    {
        this.answer = answer;
        var text = new StringBuilder(answer.Length);
        var startList = new List<int>(answer.Length);
        var endList = new List<int>(answer.Length);
        var index = 0;
        foreach (var rune in answer.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (Spotlight.IsInvisible(rune) && !Rune.IsWhiteSpace(rune)) continue;
            if (Rune.IsWhiteSpace(rune))
            {
                // A run of whitespace counts as one space; leading whitespace counts as none.
                if (text.Length == 0) continue;
                if (text[^1] == ' ') { endList[^1] = index; continue; }
                text.Append(' ');
                startList.Add(at);
                endList.Add(index);
                continue;
            }
            var chars = rune.ToString();
            text.Append(chars);
            for (var i = 0; i < chars.Length; i++)
            {
                startList.Add(at);
                endList.Add(index);
            }
        }
        normalised = text.ToString();
        starts = [.. startList];
        ends = [.. endList];
    }

    /// <summary>The answer's exact text for the quote, or null when the quote is not in the answer.</summary>
    public string? Locate(string quote) => Find(quote) is { } span ? answer[span.Start..span.End] : null;

    /// <summary>The quote's span in the original answer, or null.</summary>
    public (int Start, int End)? Find(string quote)
    {
        var wanted = Normalise(quote);
        if (wanted.Length == 0) return null;
        var at = normalised.IndexOf(wanted, StringComparison.Ordinal);
        if (at < 0) return null;
        return (starts[at], ends[at + wanted.Length - 1]);
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
            }
            else if (!Spotlight.IsInvisible(rune)) builder.Append(rune.ToString());
        }
        return builder.ToString().TrimEnd();
    }
}
