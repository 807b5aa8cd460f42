using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using OpenAI.Chat;

namespace Evaluator.Ai;

/// <summary>Logs and measures every prompt function call: duration, tokens, outcome. Never the prompt or reply text.</summary>
internal sealed partial class ModelCallFilter(ILogger<ModelCallFilter> logger, string provider) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        using var activity = AiTelemetry.Source.StartActivity("chat " + context.Function.Name, ActivityKind.Client);
        activity?.SetTag("gen_ai.system", provider);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var (input, output) = context.IsStreaming ? (0, 0) : Usage(context.Result);
            var tags = new TagList { { "function", context.Function.Name }, { "provider", provider }, { "outcome", outcome } };
            AiTelemetry.CallDuration.Record(elapsed.TotalSeconds, tags);
            if (input > 0) AiTelemetry.Tokens.Add(input, new TagList { { "function", context.Function.Name }, { "kind", "input" } });
            if (output > 0) AiTelemetry.Tokens.Add(output, new TagList { { "function", context.Function.Name }, { "kind", "output" } });
            activity?.SetTag("gen_ai.usage.input_tokens", input);
            activity?.SetTag("gen_ai.usage.output_tokens", output);
            LogCall(logger, context.Function.Name, provider, outcome, elapsed.TotalMilliseconds, input, output);
        }
    }

    private static (int Input, int Output) Usage(FunctionResult? result) =>
        result?.Metadata is { } metadata && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage
            ? (usage.InputTokenCount, usage.OutputTokenCount)
            : (0, 0);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Model call {Function} via {Provider}: {Outcome} in {ElapsedMs:F0} ms, {InputTokens} input and {OutputTokens} output tokens")]
    private static partial void LogCall(ILogger logger, string function, string provider, string outcome, double elapsedMs, int inputTokens, int outputTokens);
}
