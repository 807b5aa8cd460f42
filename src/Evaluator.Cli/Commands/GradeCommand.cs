using System.CommandLine;
using System.Text.Json;
using Evaluator.Cli.Grading;
using Evaluator.Json;
using Evaluator.Reports;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator grade --case news-feed answer.md|- [--format json|md|table] [--scorer local|onnx|llm]</summary>
public static class GradeCommand
{
    public static Command Create(CliContext cli)
    {
        var caseOption = new Option<string>("--case") { Description = "Case id (see `evaluator rubrics list`).", Required = true };
        var answer = new Argument<string>("answer") { Description = "Answer file (Markdown or text), or - to read it from stdin." };
        var format = new Option<string>("--format") { Description = "json (the scoring contract), md (a report) or table.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md", "table");
        var scorer = ScorerOption.Create();

        var command = new Command("grade", "Grade one answer against a case rubric.") { caseOption, answer, format, scorer };
        command.SetAction((parse, ct) => GradeAsync(cli, parse.GetRequiredValue(caseOption), parse.GetRequiredValue(answer),
            parse.GetRequiredValue(format), parse.GetValue(scorer), ct));
        return command;
    }

    private static async Task<int> GradeAsync(CliContext cli, string caseId, string answerPath, string format, string? scorerName, CancellationToken ct)
    {
        var rubric = cli.Rubrics.Get(caseId);
        var (id, answer) = await ReadAnswerAsync(cli, answerPath, ct).ConfigureAwait(false);
        var evaluation = await cli.Scorer(scorerName).ScoreAsync(id, rubric, answer, ct).ConfigureAwait(false);

        switch (format)
        {
            case "md":
                await cli.Output.WriteAsync(MarkdownReport.Render(evaluation, rubric)).ConfigureAwait(false);
                break;
            case "table":
                EvaluationTable.Write(evaluation, CliContext.ConsoleFor(cli.Output, cli.OutputIsTerminal), plain: !cli.OutputIsTerminal);
                break;
            default:
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(evaluation, EvaluatorJson.Indented)).ConfigureAwait(false);
                break;
        }
        return ExitCodes.Ok;
    }

    /// <summary>The answer and the id it is reported under: the file name without extension, or "stdin".</summary>
    private static async Task<(string Id, string Answer)> ReadAnswerAsync(CliContext cli, string path, CancellationToken ct)
    {
        string id, answer;
        if (path == "-")
        {
            (id, answer) = ("stdin", await cli.Input.ReadToEndAsync(ct).ConfigureAwait(false));
        }
        else
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new CliInputException($"Answer file not found: {full}");
            (id, answer) = (Path.GetFileNameWithoutExtension(full), await File.ReadAllTextAsync(full, ct).ConfigureAwait(false));
        }
        if (string.IsNullOrWhiteSpace(answer))
            throw new CliInputException(path == "-" ? "The answer on stdin is empty." : $"The answer file is empty: {Path.GetFullPath(path)}");
        return (id, answer);
    }
}
