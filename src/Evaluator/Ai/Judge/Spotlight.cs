using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Evaluator.Ai;

/// <summary>
/// Spotlighting: the candidate's answer goes to the model fenced by a marker it cannot predict,
/// with invisible characters (zero-width, bidi controls, tag characters) removed so nothing hides in it.
/// </summary>
public static class Spotlight
{
    /// <summary>A fresh marker per call, guaranteed absent from the answer.</summary>
    public static string NewDelimiter(string answer)
    {
        while (true)
        {
            var marker = "=====ANSWER-" + RandomNumberGenerator.GetHexString(16, lowercase: true) + "=====";
            if (!answer.Contains(marker, StringComparison.Ordinal)) return marker;
        }
    }

    public static string StripInvisible(string text)
    {
        if (!text.EnumerateRunes().Any(IsInvisible)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (!IsInvisible(rune)) builder.Append(rune.ToString());
        return builder.ToString();
    }

    /// <summary>Format characters (Cf: zero-width space and joiners, bidi controls, tag characters) and other non-printing runes.</summary>
    internal static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t'));
}
