using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Evaluator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
