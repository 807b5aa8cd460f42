namespace Evaluator.Scoring;

/// <summary>
/// What each unit is about. Rubrics share words across dimensions ("hides and reports" are labels, guardrails and user
/// signals at once), so a sentence about metrics in a prose answer also matched data and monitoring concepts and a
/// partial answer was credited in depth for dimensions it never covered. A unit is about a dimension when it has two of
/// its concept groups or the most of any dimension, when its wording is closest to one of its criteria (the soft
/// match), or when its paragraph or list has the most of that dimension's concept groups. Requirements do not compete:
/// their concepts hold the case's own words ("listings", "bookings"), which every sentence of an answer uses.
/// A unit is focused on a dimension when it is about it by more than one concept group tied with another dimension's,
/// and states the problem instead when it and its paragraph hold more of the requirements' concept groups (unless it
/// opens with the candidate's plan or its paragraph names the dimension).
/// </summary>
internal static class UnitTopics
{
    /// <summary>The problem's concept groups that make a sentence, and its paragraph, a statement of the problem.</summary>
    private const int ProblemGroups = 2;

    public static void Assign(RubricMatcher matcher, List<Segment> segments, AnswerUnit[] units, UnitFeatures[] features, int[] soft)
    {
        var dimensions = matcher.DimensionIds.Length;
        var groups = new int[segments.Count * dimensions];
        var problem = new int[segments.Count];
        for (var u = 0; u < segments.Count; u++)
        {
            var hits = features[u].Concepts;
            for (var k = 0; k < hits.Count; k++)
            {
                var d = matcher.Criteria[hits[k].Criterion].Dimension;
                // A unit holds a handful of hits: a scan for an earlier equal one beats a set.
                if (hits.IndexOf(hits[k]) != k) continue;
                if (!matcher.AboutProblem[d]) groups[u * dimensions + d]++;
                else problem[u]++;
            }
        }

        var block = new int[dimensions];
        foreach (var (start, end) in StuffingDetector.Blocks(segments))
        {
            Array.Clear(block);
            for (var u = start; u < end; u++)
                if (units[u].CanBeEvidence)
                    for (var d = 0; d < dimensions; d++) block[d] += groups[u * dimensions + d];
            var blockTop = block.Max();
            var problemParagraph = 0;
            var named = 0;
            for (var u = start; u < end; u++)
            {
                if (!units[u].CanBeEvidence) continue;
                problemParagraph += problem[u];
                foreach (var d in features[u].Mentions) named |= 1 << d;
            }
            for (var u = start; u < end; u++)
            {
                var unit = groups.AsSpan(u * dimensions, dimensions);
                var unitTop = 0;
                var atTop = 0;
                foreach (var count in unit)
                    if (count > unitTop) (unitTop, atTop) = (count, 1);
                    else if (count == unitTop && count > 0) atTop++;
                var tied = atTop > 1;
                var topics = 0;
                var focus = 0;
                var states = 0;
                for (var d = 0; d < dimensions; d++)
                {
                    var own = unit[d] > 0 && (unit[d] == unitTop || unit[d] >= 2);
                    var paragraph = block[d] > 0 && block[d] == blockTop;
                    var closest = soft[u] >= 0 && matcher.Criteria[soft[u]].Dimension == d;
                    if (own || paragraph || closest) topics |= 1 << d;
                    if (own && !(unit[d] == 1 && tied) || paragraph || closest) focus |= 1 << d;
                    // "For serving, ... added by incremental indexing within 15 minutes" and "I'd match the query ... and rank
                    // ..." design, whatever words of the problem they use.
                    if (!matcher.AboutProblem[d] && problem[u] >= ProblemGroups && problem[u] >= unit[d] && !features[u].Plan
                        && (named & (1 << d)) == 0 && problemParagraph >= ProblemGroups && problemParagraph >= blockTop)
                        states |= 1 << d;
                }
                features[u].Topics = topics;
                features[u].Focus = focus;
                features[u].StatesProblem = states;
            }
        }
    }
}
