using Evaluator.Cli;

// Commands are listed in CliApp.Commands; tests run the same entry point in-process.
return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
