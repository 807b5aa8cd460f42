namespace Evaluator.Rubrics;

/// <summary>The six scored dimensions, in report order.</summary>
public static class Dimensions
{
    public const string Requirements = "requirements";
    public const string Metrics = "metrics";
    public const string Data = "data";
    public const string Modelling = "modelling";
    public const string Serving = "serving";
    public const string Monitoring = "monitoring";

    public static readonly IReadOnlyList<string> All = [Requirements, Metrics, Data, Modelling, Serving, Monitoring];
}

/// <summary>rubrics/framework.yaml: what every case shares.</summary>
public sealed record Framework(
    string Version,
    IReadOnlyList<DimensionDefinition> Dimensions,
    IReadOnlyList<StepDefinition> Steps)
{
    public DimensionDefinition Dimension(string id) => Dimensions.First(d => d.Id == id);
}

public sealed record DimensionDefinition(
    string Id,
    string Title,
    double Weight,
    string Description,
    IReadOnlyDictionary<int, string> Levels)
{
    /// <summary>
    /// Words that name the dimension itself ("monitoring", "deploy", "evaluation"): the local scorer
    /// uses them to find section headings, bare mentions and dismissals ("monitoring is not needed").
    /// Optional in framework.yaml.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Words that name a part of the dimension ("retraining", "labels", "A/B test"): they count as a bare
    /// mention and in headings like aliases, but negating one narrows the design ("we don't need labels,
    /// clicks are the labels") instead of dismissing the dimension. Optional in framework.yaml.
    /// </summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>
    /// The dimension is about the problem, not the design (framework.yaml: <c>about: problem</c>; the default is
    /// <c>design</c>): a sentence that says what the candidate will build or use ("I would train a classifier")
    /// is no evidence for it.
    /// </summary>
    public bool AboutProblem { get; init; }
}

/// <summary>One of the seven interview steps and the dimensions it probes.</summary>
public sealed record StepDefinition(
    string Id,
    string Title,
    string Intro,
    IReadOnlyList<string> Dimensions);

/// <summary>One interview case: rubrics/&lt;id&gt;.yaml.</summary>
public sealed record CaseRubric(
    string Id,
    string Title,
    string Version,
    string Prompt,
    IReadOnlyList<Fact> Facts,
    IReadOnlyDictionary<string, IReadOnlyList<Criterion>> Dimensions,
    string SourcePath)
{
    public IEnumerable<(string Dimension, Criterion Criterion)> AllCriteria() =>
        Dimensions.SelectMany(d => d.Value.Select(c => (d.Key, c)));
}

/// <summary>Something the interviewer may tell the candidate when asked; never anything else.</summary>
public sealed record Fact(string Id, IReadOnlyList<string> Triggers, string Answer);

/// <summary>One thing a strong answer covers in one dimension.</summary>
public sealed record Criterion(
    string Id,
    string Description,
    IReadOnlyDictionary<int, string> Levels,
    IReadOnlyList<IReadOnlyList<string>> Concepts,
    IReadOnlyList<string> Probes,
    string Exemplar);

/// <summary>The framework plus every case, as loaded from one folder.</summary>
public sealed record RubricSet(Framework Framework, IReadOnlyList<CaseRubric> Cases)
{
    public CaseRubric? Find(string caseId) => Cases.FirstOrDefault(c => c.Id == caseId);

    /// <summary>The case, or an exception whose message lists the known ids.</summary>
    public CaseRubric Get(string caseId) =>
        Find(caseId) ?? throw new UnknownCaseException(caseId, Cases.Select(c => c.Id).ToList());
}

public sealed class UnknownCaseException(string caseId, IReadOnlyList<string> known)
    : Exception($"Unknown case '{caseId}'. Known cases: {string.Join(", ", known)}.")
{
    public string CaseId { get; } = caseId;
    public IReadOnlyList<string> KnownCases { get; } = known;
}
