using System.Runtime.CompilerServices;
using Evaluator.Interviews;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Evaluator.Ai;

/// <summary>
/// The LLM interviewer voice (Ai:Interviewer = llm): the engine has decided the moves; the model only words them,
/// streamed as its tokens arrive. A number that is not in the case's facts or the decided wording is never sent:
/// the model's reply stops there and the deterministic wording is used. Any model failure also gives the
/// deterministic wording.
/// </summary>
public sealed partial class LlmInterviewerVoice(
    Kernel kernel, PromptLibrary prompts, RubricSet rubrics, LocalScorer scorer,
    IOptions<AiOptions> options, ILogger<LlmInterviewerVoice> logger) : IInterviewerVoice
{
    private const string PromptName = "interviewer";
    private readonly LlmOptions llm = AiOptionsValidator.Checked(options.Value.Llm);

    public async IAsyncEnumerable<string> SpeakAsync(VoiceRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var deterministic = LocalInterviewerVoice.Message(request.Moves);
        var guard = new NumberGuard([.. request.Case.Facts.Select(f => f.Answer), deterministic]);
        var sent = false;
        string? failure = null;

        await using var stream = Stream(request, deterministic, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            string chunk;
            try
            {
                if (!await stream.MoveNextAsync().ConfigureAwait(false)) break;
                chunk = guard.Push(stream.Current);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = FallbackReason.Describe(ex, llm);
                break;
            }
            if (guard.Rejected is not null) break;
            if (chunk.Length == 0) continue;
            sent = true;
            yield return chunk;
        }
        var tail = failure is null ? guard.Flush() : "";
        if (guard.Rejected is not null) failure = $"the reply stated {guard.Rejected}, which is not in the case's facts";
        if (failure is null)
        {
            if (tail.Length > 0) yield return tail;
            if (sent || tail.Length > 0) yield break;
            failure = "the model returned an empty reply";
        }

        LogFallback(logger, request.Case.Id, failure);
        AiTelemetry.Fallbacks.Add(1);
        // Whatever was already streamed stays; the decided wording follows in full.
        if (sent) yield return "\n\n";
        foreach (var chunk in LocalInterviewerVoice.Word(request.Moves)) yield return chunk;
    }

    private IAsyncEnumerable<string> Stream(VoiceRequest request, string deterministic, CancellationToken cancellationToken)
    {
        var function = prompts.Get(PromptName);
        var turnKernel = kernel.Clone();
        turnKernel.Plugins.AddFromObject(new InterviewPlugin(request, rubrics.Framework, scorer), "interview");
        var fromFile = function.ExecutionSettings?.GetValueOrDefault(PromptExecutionSettings.DefaultServiceId);
        var settings = fromFile is null ? new OpenAIPromptExecutionSettings() : OpenAIPromptExecutionSettings.FromExecutionSettings(fromFile);
        settings.MaxTokens = Math.Min(settings.MaxTokens ?? llm.MaxOutputTokens, llm.MaxOutputTokens);
        settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto();
        var arguments = new KernelArguments(settings)
        {
            ["case_title"] = request.Case.Title,
            ["decided"] = deterministic,
            ["transcript"] = string.Join('\n', request.Transcript.TakeLast(6).Select(t => $"{t.Role}: {Spotlight.StripInvisible(t.Text)}")),
        };
        return turnKernel.InvokeStreamingAsync<string>(function, arguments, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM interviewer for {Case} fell back to the deterministic wording: {Reason}")]
    private static partial void LogFallback(ILogger logger, string @case, string reason);
}
