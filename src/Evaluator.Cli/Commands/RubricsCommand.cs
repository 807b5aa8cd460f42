using System.CommandLine;
using Evaluator.Hosting;
using Evaluator.Rubrics;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator rubrics list | validate [dir]</summary>
public static class RubricsCommand
{
    public static Command Create(CliContext cli)
    {
        var dir = new Argument<string?>("dir") { Description = "Rubric folder (default: Rubrics:Path, else ./rubrics, else the shipped copy).", Arity = ArgumentArity.ZeroOrOne };
        var validate = new Command("validate", "Check every rubric file; prints file:line: message per error.") { dir };
        validate.SetAction(parse => Validate(parse.GetValue(dir) ?? cli.Configuration[RubricOptions.Section + ":Path"], cli.Output, cli.Error));

        var listDir = new Argument<string?>("dir") { Description = "Rubric folder.", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "Show every case: id, title, version and criteria count.") { listDir };
        list.SetAction(parse => List(parse.GetValue(listDir) ?? cli.Configuration[RubricOptions.Section + ":Path"], cli.Output, cli.Error));

        return new Command("rubrics", "List or validate rubrics.") { list, validate };
    }

    private static int Validate(string? dir, TextWriter output, TextWriter error)
    {
        var folder = ContentPaths.Resolve(dir, "rubrics");
        var (set, errors) = RubricLoader.TryLoadFolder(folder);
        foreach (var e in errors) error.WriteLine(e);
        if (set is null) return ExitCodes.UsageOrInput;
        output.WriteLine($"{set.Cases.Count} case(s) valid in {folder}.");
        return ExitCodes.Ok;
    }

    private static int List(string? dir, TextWriter output, TextWriter error)
    {
        var (set, errors) = RubricLoader.TryLoadFolder(ContentPaths.Resolve(dir, "rubrics"));
        foreach (var e in errors) error.WriteLine(e);
        if (set is null) return ExitCodes.UsageOrInput;
        output.WriteLine($"{"id",-24} {"version",-8} {"criteria",8}  title");
        foreach (var c in set.Cases)
            output.WriteLine($"{c.Id,-24} {c.Version,-8} {c.Dimensions.Values.Sum(l => l.Count),8}  {c.Title}");
        return ExitCodes.Ok;
    }
}
