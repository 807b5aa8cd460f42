using System.Text.RegularExpressions;

namespace Evaluator.Scoring;

/// <summary>
/// A transcript pasted as the answer ("Interviewer: We have 150,000 annotated panoramas. / Me: Then ..."): the
/// interviewer's lines hold the case's facts, not the candidate's design, so they are no evidence, as text addressed to
/// the grader is not. A turn opens with a line labelled for the interviewer and runs to the next speaker's label or the
/// end of its paragraph. "Q:" is not the interviewer: candidates write their own clarifying questions that way.
/// </summary>
internal static partial class InterviewerTurns
{
    /// <summary>Marks the interviewer's units in <paramref name="excluded"/>; returns which units they are.</summary>
    public static bool[] Mark(NormalizedText text, List<Segment> segments, bool[] excluded)
    {
        var asked = new bool[segments.Count];
        if (!text.Lower.Contains("interviewer", StringComparison.Ordinal)) return asked;
        var speakers = SpeakerLabel().Matches(text.Lower);
        for (var m = 0; m < speakers.Count; m++)
        {
            if (speakers[m].Groups["interviewer"].Length == 0) continue;
            var start = speakers[m].Index;
            var end = m + 1 < speakers.Count ? speakers[m + 1].Index : text.Length;
            var block = -1;
            for (var u = 0; u < segments.Count; u++)
            {
                var s = segments[u];
                var from = s.HasLabel ? Math.Min(s.LabelStart, s.Start) : s.Start;
                // Segments come in text order: none after the next speaker's label is in this turn.
                if (from >= end) break;
                if (s.End <= start) continue;
                if (block < 0) block = s.Block;
                if (s.Block != block) break;
                asked[u] = excluded[u] = true;
            }
        }
        return asked;
    }

    // A speaker's label opening a line: "Interviewer:", "**Interviewer (Sam):**", "> Me:", "Candidate:".
    [GeneratedRegex(@"(?m)^[ \t>]*[*_]*(?:(?<interviewer>interviewer)(?:[ \t]*\([^)\n]{0,30}\))?|me|candidate|interviewee|answer)[*_]*[ \t]*:")]
    private static partial Regex SpeakerLabel();
}
