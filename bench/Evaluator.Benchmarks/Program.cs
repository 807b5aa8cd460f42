using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Evaluator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Evaluator.Benchmarks.BatchApiBenchmarks).Assembly).Run(args);
