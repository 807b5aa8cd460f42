using Evaluator.Batches;
using Evaluator.Scoring;
using Spectre.Console;

namespace Evaluator.Cli.Grading;

/// <summary>A batch line after grading: its evaluation, or the error record that takes its place.</summary>
public sealed record GradedLine(BatchLine Source, Evaluation? Evaluation, LineError? Error);

/// <summary>Grades batch lines in parallel (one per core) and returns them in input order.</summary>
public static class BatchGrading
{
    public static async Task<IReadOnlyList<GradedLine>> GradeAsync(
        IReadOnlyList<BatchLine> lines, IAnswerScorer scorer, IAnsiConsole? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var results = new GradedLine[lines.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        async Task GradeAll(Action advance) =>
            await Parallel.ForEachAsync(Enumerable.Range(0, lines.Count), options, async (i, ct) =>
            {
                results[i] = await GradeOneAsync(lines[i], scorer, ct).ConfigureAwait(false);
                advance();
            }).ConfigureAwait(false);

        if (progress is null)
            await GradeAll(() => { }).ConfigureAwait(false);
        else
            await progress.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Grading", maxValue: lines.Count);
                await GradeAll(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return results;
    }

    private static async Task<GradedLine> GradeOneAsync(BatchLine line, IAnswerScorer scorer, CancellationToken ct)
    {
        if (line is LineError error) return new(line, null, error);
        var answer = (AnswerLine)line;
        try
        {
            return new(line, await scorer.ScoreAsync(answer.Id, answer.Rubric, answer.Answer, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One answer the scorer cannot handle must not cost the rest of the batch.
            return new(line, null, new LineError(answer.Line, answer.Id, $"scoring failed: {e.Message}"));
        }
    }
}
