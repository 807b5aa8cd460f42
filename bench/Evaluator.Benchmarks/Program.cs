using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Evaluator.Benchmarks -- --filter '*'
// Not typeof(Program): the referenced server project has a Program class too.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
