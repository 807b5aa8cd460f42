using System.CommandLine;

namespace Evaluator.Cli.Grading;

/// <summary>--scorer, shared by every command that grades.</summary>
public static class ScorerOption
{
    public static Option<string?> Create() => new("--scorer")
    {
        Description = "Scorer: local, onnx or llm (default: the Ai:Scorer setting, else local).",
    };
}
