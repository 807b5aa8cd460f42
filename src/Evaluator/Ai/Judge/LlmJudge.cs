using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Evaluator.Ai;

/// <summary>
/// The LLM judge (Ai:Scorer = llm): one prompt per dimension, evidence checked against the answer in code,
/// the local scorer's flags and caps kept, and the local result (labelled) whenever the model fails.
/// </summary>
public sealed partial class LlmJudge(
    Kernel kernel, PromptLibrary prompts, LocalScorer local, RubricSet rubrics,
    IOptions<AiOptions> options, ILogger<LlmJudge> logger) : IAnswerScorer
{
    public const string Disagreement = "judge-disagreement";
    private const string PromptName = "judge";

    public string Name => "llm";

    // Checked here too: picked per call (--scorer llm) while Ai:Scorer is local, the settings were not checked at start.
    private readonly LlmOptions llm = AiOptionsValidator.Checked(options.Value.Llm);

    public async Task<Evaluation> ScoreAsync(string id, CaseRubric rubric, string answer, CancellationToken cancellationToken = default)
    {
        var analysis = local.Analyse(rubric, answer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var visible = Spotlight.StripInvisible(answer);
            var dimensions = await Task.WhenAll(rubrics.Framework.Dimensions.Select(async d =>
            {
                try
                {
                    return await GradeDimensionAsync(rubric, d, visible, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JudgeReplyException or PromptTooLongException or PromptFileException)
                {
                    // One failed dimension fails the evaluation: stop the other calls. Not when the endpoint failed:
                    // the circuit breaker counts a cancelled call as a success, so cancelling the calls still
                    // waiting on a failing endpoint kept it from ever opening; those calls are left to fail too.
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            })).ConfigureAwait(false);
            return JudgedEvaluation.Build(id, local.Analyzer, analysis, dimensions);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = FallbackReason.Describe(ex, llm);
            AiTelemetry.Fallbacks.Add(1);
            LogFallback(logger, id, rubric.Id, reason, ex);
            var baseline = local.Analyzer.BuildEvaluation(id, analysis, local.Analyzer.GradeAll(analysis), local.Name);
            return baseline with { FallbackFrom = Name, FallbackReason = reason };
        }
    }

    private async Task<JudgedDimension> GradeDimensionAsync(CaseRubric rubric, DimensionDefinition dimension, string answer, CancellationToken cancellationToken)
    {
        var criteria = rubric.Dimensions[dimension.Id];
        var samples = await Task.WhenAll(Enumerable.Range(0, llm.Samples)
            .Select(_ => AskAsync(rubric, dimension, criteria, answer, cancellationToken))).ConfigureAwait(false);
        return new JudgedDimension(dimension.Id, samples);
    }

    /// <summary>One judge call; a reply that breaks the schema is asked for once more, then it is a failure.</summary>
    private async Task<IReadOnlyDictionary<string, JudgedCriterion>> AskAsync(
        CaseRubric rubric, DimensionDefinition dimension, IReadOnlyList<Criterion> criteria, string answer, CancellationToken cancellationToken)
    {
        var ids = criteria.Select(c => c.Id).ToList();
        var function = prompts.Get(PromptName);
        var settings = Settings(function, ids);
        var problem = "";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var arguments = new KernelArguments(settings)
            {
                ["case_title"] = rubric.Title,
                ["case_prompt"] = rubric.Prompt.Trim(),
                ["dimension"] = $"{dimension.Title} ({dimension.Id}): {dimension.Description.Trim()}",
                ["levels"] = string.Join('\n', dimension.Levels.OrderBy(l => l.Key).Select(l => $"{l.Key}: {l.Value}")),
                ["criteria"] = JudgePromptText.Criteria(criteria),
                ["delimiter"] = Spotlight.NewDelimiter(answer),
                ["answer"] = answer,
            };
            var result = await kernel.InvokeAsync(function, arguments, cancellationToken).ConfigureAwait(false);
            try
            {
                return JudgeReply.Parse(result.GetValue<string>() ?? "", ids);
            }
            catch (JudgeReplyException ex)
            {
                problem = ex.Message;
                LogMalformed(logger, dimension.Id, attempt, problem);
            }
        }
        throw new JudgeReplyException($"the model's reply for {dimension.Id} broke the JSON schema twice: {problem}");
    }

    // Settings depend only on the prompt file's version and the dimension's criteria: build them once.
    private readonly ConditionalWeakTable<KernelFunction, ConcurrentDictionary<string, OpenAIPromptExecutionSettings>> settingsCache = new();

    private OpenAIPromptExecutionSettings Settings(KernelFunction function, IReadOnlyList<string> ids) =>
        settingsCache.GetOrCreateValue(function).GetOrAdd(string.Join('\n', ids), _ => NewSettings(function, ids));

    private OpenAIPromptExecutionSettings NewSettings(KernelFunction function, IReadOnlyList<string> ids)
    {
        var fromFile = function.ExecutionSettings?.GetValueOrDefault(PromptExecutionSettings.DefaultServiceId);
        var settings = fromFile is null ? new OpenAIPromptExecutionSettings() : OpenAIPromptExecutionSettings.FromExecutionSettings(fromFile);
        settings.Temperature = 0; // grading is not creative writing, whatever the prompt file says
        settings.MaxTokens = Math.Min(settings.MaxTokens ?? llm.MaxOutputTokens, llm.MaxOutputTokens);
        if (llm.JsonSchema)
            settings.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("judge_reply", BinaryData.FromString(JudgeReply.Schema(ids)), jsonSchemaIsStrict: true);
        settings.Freeze();
        return settings;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM judge failed for {EvaluationId} ({Case}); answering with the local scorer: {Reason}")]
    private static partial void LogFallback(ILogger logger, string evaluationId, string @case, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM judge reply for {Dimension} broke the schema (attempt {Attempt}): {Problem}")]
    private static partial void LogMalformed(ILogger logger, string dimension, int attempt, string problem);
}

/// <summary>Every sample's verdicts for one dimension.</summary>
internal sealed record JudgedDimension(string Id, IReadOnlyList<IReadOnlyDictionary<string, JudgedCriterion>> Samples);
