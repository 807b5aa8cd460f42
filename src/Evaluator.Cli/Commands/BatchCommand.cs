using System.CommandLine;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Cli.Grading;
using Evaluator.Json;
using Evaluator.Reports;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator batch --input answers.jsonl [--output results.jsonl] [--format jsonl|csv] [--scorer ...]</summary>
public static class BatchCommand
{
    public static Command Create(CliContext cli)
    {
        var input = BatchInput.Option("JSONL file, one {\"id\", \"case\", \"answer\"} object per line, or - for stdin.");
        var output = new Option<string?>("--output") { Description = "Write results to this file instead of stdout." };
        var format = new Option<string>("--format") { Description = "jsonl (one evaluation or error record per line) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var scorer = ScorerOption.Create();

        var command = new Command("batch", "Grade many answers; a bad line becomes an error record and the rest are still graded.")
        {
            input, output, format, scorer,
        };
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetRequiredValue(input), parse.GetValue(output),
            parse.GetRequiredValue(format), parse.GetValue(scorer), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string inputPath, string? outputPath, string format, string? scorerName, CancellationToken ct)
    {
        var lines = BatchInput.Read(cli, inputPath);
        var scorer = cli.Scorer(scorerName);
        // Open the output first: an unwritable path should fail before any grading work.
        using var file = outputPath is null ? null : OpenOutput(outputPath);
        var graded = await BatchGrading.GradeAsync(lines, scorer, BatchInput.ProgressConsole(cli), ct).ConfigureAwait(false);
        Write(file ?? cli.Output, graded, format);

        var failed = graded.Count(g => g.Error is not null);
        await cli.Error.WriteLineAsync(
            $"Graded {graded.Count - failed} of {graded.Count} line(s); {failed} failed{(failed > 0 ? " (see the error records)" : "")}.")
            .ConfigureAwait(false);
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static void Write(TextWriter writer, IReadOnlyList<GradedLine> graded, string format)
    {
        if (format == "csv")
        {
            EvaluationCsv.WriteHeader(writer);
            foreach (var g in graded)
            {
                if (g.Evaluation is { } evaluation) EvaluationCsv.WriteEvaluation(writer, evaluation);
                else if (g.Error is { } error) EvaluationCsv.WriteError(writer, error.Id, (g.Source as AnswerLine)?.Rubric.Id, $"line {error.Line}: {error.Error}");
            }
        }
        else
        {
            foreach (var g in graded)
                writer.WriteLine(g.Evaluation is { } evaluation
                    ? JsonSerializer.Serialize(evaluation, EvaluatorJson.Options)
                    : JsonSerializer.Serialize(g.Error, EvaluatorJson.Options));
        }
        writer.Flush();
    }

    private static StreamWriter OpenOutput(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return new StreamWriter(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot write results to {full}: {e.Message}");
        }
    }
}
