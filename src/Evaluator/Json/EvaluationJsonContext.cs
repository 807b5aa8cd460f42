using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Evaluator.Scoring;

namespace Evaluator.Json;

/// <summary>
/// Source-generated writer for <see cref="Evaluation"/>, the one type written per graded answer (batches store
/// thousands): the generated fast path skips the reflection-based metadata walk. Same output as
/// <see cref="EvaluatorJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Evaluation))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext
{
    /// <summary>Evaluation metadata bound to a copy of the shared options (its encoder included).</summary>
    public static JsonTypeInfo<Evaluation> Shared { get; } = new EvaluationJsonContext(new JsonSerializerOptions(EvaluatorJson.Options)).Evaluation;
}
