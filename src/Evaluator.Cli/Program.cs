using System.CommandLine;
using Evaluator.Cli.Commands;

var root = new RootCommand("Grades machine-learning system design answers against rubrics.")
{
    RubricsCommand.Create(),
    KeysCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
