using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Evaluator.Batches;
using Evaluator.Cli.Grading;
using Evaluator.Json;
using Evaluator.Rubrics;
using Spectre.Console;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator agreement --input labelled.jsonl [--format table|json] [--scorer ...]</summary>
public static class AgreementCommand
{
    public static Command Create(CliContext cli)
    {
        var input = BatchInput.Option("JSONL file of {\"id\", \"case\", \"answer\", \"labels\": {dimension: 0-3}} lines, or - for stdin.");
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var scorer = ScorerOption.Create();

        var command = new Command("agreement",
            "Grade human-labelled answers and report agreement per dimension: quadratic-weighted kappa, Spearman, confusion matrix.")
        {
            input, format, scorer,
        };
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetRequiredValue(input), parse.GetRequiredValue(format), parse.GetValue(scorer), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string inputPath, string format, string? scorerName, CancellationToken ct)
    {
        // A line without usable labels is an error record too: grading it would add nothing to the figures.
        var lines = BatchInput.Read(cli, inputPath)
            .Select(l => l is AnswerLine a && AgreementSummary.CheckLabels(a.Source) is { } problem ? new LineError(a.Line, a.Id, problem) : l)
            .ToList();
        var scorer = cli.Scorer(scorerName);
        var graded = await BatchGrading.GradeAsync(lines, scorer, BatchInput.ProgressConsole(cli), ct).ConfigureAwait(false);
        var summary = AgreementSummary.From(graded);

        if (format == "json")
        {
            await cli.Output.WriteLineAsync(JsonSerializer.Serialize(summary, EvaluatorJson.Indented)).ConfigureAwait(false);
        }
        else
        {
            foreach (var error in summary.Failed)
                await cli.Error.WriteLineAsync($"line {error.Line}{(error.Id is null ? "" : $" ({error.Id})")}: {error.Error}").ConfigureAwait(false);
            WriteTables(summary, CliContext.ConsoleFor(cli.Output, cli.OutputIsTerminal), plain: !cli.OutputIsTerminal, scorer.Name);
        }
        await cli.Error.WriteLineAsync($"Graded {summary.Graded} of {summary.Lines} line(s); {summary.Failed.Count} failed.").ConfigureAwait(false);
        return summary.Failed.Count > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static void WriteTables(AgreementSummary summary, IAnsiConsole console, bool plain, string scorer)
    {
        var border = plain ? TableBorder.Ascii : TableBorder.Rounded;
        var figures = new Table
        {
            Border = border,
            Title = new TableTitle("Agreement with human labels"),
            Caption = new TableTitle(Markup.Escape($"{summary.Graded} answers graded by the {scorer} scorer")),
        };
        figures.AddColumn("dimension");
        foreach (var name in new[] { "pairs", "QWK", "Spearman", "exact" }) figures.AddColumn(new TableColumn(name).RightAligned());
        foreach (var (name, f) in Rows(summary))
            figures.AddRow(name, Number(f.Pairs), Figure(f.Qwk), Figure(f.Spearman), Figure(f.Exact));
        if (plain) console.Profile.Width = Math.Max(console.Profile.Width, 120);
        console.Write(figures);

        // Rows are the human level, columns the predicted one: mass above the diagonal means the scorer is generous.
        console.WriteLine("Confusion matrices: rows = human level 0-3, columns = predicted level 0-3.");
        var grid = new Grid();
        var perRow = 4;
        var rows = Rows(summary).ToList();
        for (var i = 0; i < perRow; i++) grid.AddColumn(new GridColumn().PadRight(2));
        foreach (var chunk in rows.Chunk(perRow))
            grid.AddRow([.. chunk.Select(r => Matrix(r.Name, r.Figures, border)), .. Enumerable.Repeat<Spectre.Console.Rendering.IRenderable>(new Text(""), perRow - chunk.Length)]);
        console.Write(grid);
    }

    private static IEnumerable<(string Name, AgreementFigures Figures)> Rows(AgreementSummary summary) =>
        Dimensions.All.Select(d => (d, summary.Dimensions[d])).Append(("all", summary.All));

    private static Table Matrix(string name, AgreementFigures figures, TableBorder border)
    {
        var table = new Table { Border = border, Title = new TableTitle(name) };
        table.AddColumn(new TableColumn("h\\p").RightAligned());
        for (var level = 0; level < figures.Confusion.Length; level++) table.AddColumn(new TableColumn(Number(level)).RightAligned());
        for (var human = 0; human < figures.Confusion.Length; human++)
            table.AddRow([Number(human), .. figures.Confusion[human].Select(Number)]);
        return table;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Figure(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
