using System.CommandLine;
using Evaluator.Batches;
using Spectre.Console;

namespace Evaluator.Cli.Grading;

/// <summary>What the commands that read a JSONL batch share (batch, agreement): --input, reading it, progress.</summary>
public static class BatchInput
{
    public static Option<string> Option(string description) => new("--input") { Description = description, Required = true };

    /// <summary>Every non-blank line, parsed; a missing file is an input error naming the path.</summary>
    public static IReadOnlyList<BatchLine> Read(CliContext cli, string path)
    {
        ArgumentNullException.ThrowIfNull(cli);
        if (path == "-") return BatchReader.Read(cli.Input, cli.Rubrics);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new CliInputException($"Input file not found: {full}");
        var rubrics = cli.Rubrics;
        using var reader = File.OpenText(full);
        return BatchReader.Read(reader, rubrics);
    }

    /// <summary>A progress bar on stderr, only when both stdout and stderr are a terminal: never when piped.</summary>
    public static IAnsiConsole? ProgressConsole(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return cli.ErrorIsTerminal && cli.OutputIsTerminal ? CliContext.ConsoleFor(cli.Error, terminal: true) : null;
    }
}
