namespace Evaluator.Batches;

/// <summary>
/// How long the batch writer gathers results before a commit, from the pace of grading since the writer started
/// (<see cref="Graded"/> answers graded by <see cref="Started"/>) and how many answers there are. A client waiting for
/// a batch waits for its last commit: gathering 50 ms (up to 256 results) all the way, the last one held 200-250
/// results of a 1,000-answer batch and took 3 ms after the last answer was graded, more when it began behind a commit
/// still running. Near the end the groups are small, so the last holds a few milliseconds' results. The pace is taken
/// from the writer's start, once the batch is stored: the answers graded beside the storing went slower, and counting
/// them made the rest look longer than it was.
/// </summary>
internal readonly record struct GradingPace(long Started, int Graded, int Answers, TimeProvider Time)
{
    public static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan EndGatherTime = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// <see cref="GatherTime"/>, or <see cref="EndGatherTime"/> once the answers left would be graded within it at the
    /// pace since <see cref="Started"/> (<paramref name="graded"/> answers graded by now).
    /// </summary>
    public TimeSpan Gather(int graded)
    {
        if (graded <= Graded) return GatherTime;
        var left = Time.GetElapsedTime(Started) * ((double)(Answers - graded) / (graded - Graded));
        return left < GatherTime ? EndGatherTime : GatherTime;
    }
}
