using System.CommandLine;
using System.CommandLine.Help;
using Evaluator.Cli.Commands;
using Evaluator.Rubrics;
using Microsoft.Extensions.Options;

namespace Evaluator.Cli;

/// <summary>The `evaluator` command line, runnable in-process (tests) or from Program.cs (the console).</summary>
public static class CliApp
{
    /// <summary>Every top-level command. Adding a command: one line here plus its file in Commands/.</summary>
    private static readonly Func<CliContext, Command>[] Commands =
    [
        GradeCommand.Create,
        BatchCommand.Create,
        AgreementCommand.Create,
        RubricsCommand.Create,
        ModelsCommand.Create,
        KeysCommand.Create,
    ];

    /// <summary>Runs one invocation; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? configOverrides = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        using var cli = new CliContext(stdin, stdout, stderr, configOverrides,
            outputIsTerminal: ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            errorIsTerminal: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

        // Named for the installed tool, not the assembly, so help reads "evaluator grade ...".
        var root = new Command("evaluator", "Grades machine-learning system design answers against rubrics.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var create in Commands) root.Subcommands.Add(create(cli));

        var parse = root.Parse(args);
        try
        {
            var code = await parse.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
            // System.CommandLine reports parse errors (and shows help) with exit code 1; the contract says 2.
            return parse.Errors.Count > 0 ? ExitCodes.UsageOrInput : code;
        }
        catch (Exception e) when (e is CliInputException or UnknownCaseException or RubricValidationException or OptionsValidationException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInput;
        }
    }
}
