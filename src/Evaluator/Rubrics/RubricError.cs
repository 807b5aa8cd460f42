namespace Evaluator.Rubrics;

/// <summary>One problem in a rubric file, reported as file:line: message.</summary>
public sealed record RubricError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown when a rubric folder has errors; carries all of them, not just the first.</summary>
public sealed class RubricValidationException(IReadOnlyList<RubricError> errors)
    : Exception("Rubric errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<RubricError> Errors { get; } = errors;
}
