using BenchmarkDotNet.Running;
using Evaluator.Benchmarks;

// dotnet run -c Release --project bench/Evaluator.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Evaluator.Benchmarks -- interleaved-batch-api [rounds]
if (args is [InterleavedBatchApiRun.Command, ..])
{
    await InterleavedBatchApiRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}
// Not typeof(Program): the referenced server project has a Program class too.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
