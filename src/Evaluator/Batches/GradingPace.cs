namespace Evaluator.Batches;

/// <summary>
/// How long the batch writer gathers results before a commit, from when grading began and how many answers there are.
/// A client waiting for a batch waits for its last commit: gathering 50 ms (up to 256 results) all the way, the last
/// one held 200-250 results of a 1,000-answer batch and took 3 ms after the last answer was graded, more when it began
/// behind a commit still running. Near the end the groups are small, so the last holds a few milliseconds' results.
/// </summary>
internal readonly record struct GradingPace(long Started, int Answers, TimeProvider Time)
{
    public static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan EndGatherTime = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// <see cref="GatherTime"/>, or <see cref="EndGatherTime"/> once the answers left would be graded within it at the
    /// pace so far (<paramref name="graded"/> answers since <see cref="Started"/>).
    /// </summary>
    public TimeSpan Gather(int graded)
    {
        if (graded == 0) return GatherTime;
        var left = Time.GetElapsedTime(Started) * ((double)(Answers - graded) / graded);
        return left < GatherTime ? EndGatherTime : GatherTime;
    }
}
