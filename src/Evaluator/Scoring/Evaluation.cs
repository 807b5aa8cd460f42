namespace Evaluator.Scoring;

/// <summary>The scoring contract (DESIGN.md): one graded answer.</summary>
public sealed record Evaluation
{
    public required string Id { get; init; }
    public required string Case { get; init; }
    public required string Scorer { get; init; }
    public required string RubricVersion { get; init; }
    public required int Overall { get; init; }
    public required IReadOnlyDictionary<string, DimensionResult> Dimensions { get; init; }
    public required IReadOnlyList<string> Flags { get; init; }

    /// <summary>Set when a configured model failed and the local scorer answered instead.</summary>
    public string? FallbackFrom { get; init; }
    public string? FallbackReason { get; init; }
}

public sealed record DimensionResult(
    int Score,
    int Level,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<MissingCriterion> Missing);

/// <summary>A criterion with its level and the exact answer substrings that support it.</summary>
public sealed record CriterionResult(string Id, int Level, IReadOnlyList<string> Evidence);

/// <summary>A criterion scored 0, with the follow-up question that would draw it out.</summary>
public sealed record MissingCriterion(string Id, string Probe);

/// <summary>Flag names that appear in <see cref="Evaluation.Flags"/>.</summary>
public static class Flags
{
    public const string KeywordStuffing = "keyword-stuffing";
    public const string PromptInjection = "prompt-injection";

    /// <summary>Paragraphs of the answer are about another case (their own words are that case's): no evidence here.</summary>
    public const string OtherCase = "other-case";
}
