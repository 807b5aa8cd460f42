using System.Text;
using System.Text.RegularExpressions;

namespace Evaluator.Ai;

/// <summary>
/// Passes streamed text through as it arrives, holding back only a number until it is complete, and stops at the
/// first number that is not among the allowed ones (the case's facts and the decided wording).
/// </summary>
internal sealed partial class NumberGuard(IEnumerable<string> sources)
{
    private readonly HashSet<string> allowed = sources.SelectMany(s => Numbers(s)).ToHashSet(StringComparer.Ordinal);
    private readonly StringBuilder pending = new();

    /// <summary>The first number that was not allowed, once one was seen.</summary>
    public string? Rejected { get; private set; }

    /// <summary>Text safe to send now; empty while a number is still being read or after a rejection.</summary>
    public string Push(string chunk)
    {
        if (Rejected is not null) return "";
        var ready = new StringBuilder();
        foreach (var c in chunk)
        {
            if (pending.Length > 0 && !char.IsDigit(c) && !(c is '.' or ',' && char.IsDigit(pending[^1])))
            {
                if (!Release(ready)) return "";
            }
            if (char.IsDigit(c) || pending.Length > 0) pending.Append(c);
            else ready.Append(c);
        }
        return ready.ToString();
    }

    /// <summary>The held-back end of the text, once the stream is over.</summary>
    public string Flush()
    {
        var ready = new StringBuilder();
        return Rejected is null && Release(ready) ? ready.ToString() : "";
    }

    private bool Release(StringBuilder ready)
    {
        var text = pending.ToString();
        pending.Clear();
        // "0.2." or "1,500," : trailing punctuation belongs to the sentence, not the number.
        var number = text.TrimEnd('.', ',');
        if (number.Length > 0 && !allowed.Contains(Normalise(number)))
        {
            Rejected = number;
            return false;
        }
        ready.Append(text);
        return true;
    }

    private static IEnumerable<string> Numbers(string text) => NumberPattern().Matches(text).Select(m => Normalise(m.Value));

    private static string Normalise(string number) => number.Replace(",", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();
}
