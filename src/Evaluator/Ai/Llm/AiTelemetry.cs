using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Evaluator.Ai;

/// <summary>Traces and metrics for model calls: "Evaluator.Ai" for both the ActivitySource and the Meter.</summary>
public static class AiTelemetry
{
    public const string Name = "Evaluator.Ai";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds per model call, tagged with the function, provider and outcome.</summary>
    public static readonly Histogram<double> CallDuration =
        Meter.CreateHistogram<double>("evaluator.ai.call.duration", "s", "Duration of one model call, retries included.");

    /// <summary>Tokens per call, tagged input or output.</summary>
    public static readonly Counter<long> Tokens =
        Meter.CreateCounter<long>("evaluator.ai.tokens", "{token}", "Prompt and completion tokens reported by the model.");

    /// <summary>Evaluations that fell back from a model to the local scorer.</summary>
    public static readonly Counter<long> Fallbacks =
        Meter.CreateCounter<long>("evaluator.ai.fallbacks", "{evaluation}", "Model-backed results replaced by the local scorer.");
}
