namespace Evaluator.Hosting;

/// <summary>Section "Rubrics".</summary>
public sealed class RubricOptions
{
    public const string Section = "Rubrics";

    /// <summary>Folder with framework.yaml and the case files; empty means ./rubrics or the shipped copy.</summary>
    public string? Path { get; set; }
}
