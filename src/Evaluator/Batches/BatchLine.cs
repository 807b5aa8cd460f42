using System.Text.Json;
using System.Text.Json.Serialization;
using Evaluator.Rubrics;

namespace Evaluator.Batches;

/// <summary>One non-blank line of a batch file: an answer to grade, or the reason it cannot be graded.</summary>
public abstract record BatchLine([property: JsonPropertyOrder(-1)] int Line);

/// <summary>
/// A line ready to grade. <paramref name="Source"/> keeps the whole object for extra keys such as labels (read from a
/// file; a line that came over HTTP leaves it undefined).
/// </summary>
public sealed record AnswerLine(int Line, string Id, CaseRubric Rubric, string Answer, JsonElement Source)
    : BatchLine(Line);

/// <summary>A line that cannot be graded; serialised as the error record {"line", "id", "error"}.</summary>
public sealed record LineError(int Line, string? Id, string Error) : BatchLine(Line);
