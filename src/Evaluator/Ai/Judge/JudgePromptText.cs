using System.Text;
using Evaluator.Rubrics;

namespace Evaluator.Ai;

/// <summary>Renders rubric parts as prompt text (SK's template syntax has no loops).</summary>
internal static class JudgePromptText
{
    public static string Criteria(IEnumerable<Criterion> criteria)
    {
        var text = new StringBuilder();
        foreach (var c in criteria)
        {
            text.Append("- id: ").Append(c.Id).Append('\n')
                .Append("  description: ").Append(c.Description.Trim()).Append('\n');
            foreach (var (level, descriptor) in c.Levels.OrderBy(l => l.Key))
                text.Append("  level ").Append(level).Append(": ").Append(descriptor.Trim()).Append('\n');
            text.Append("  exemplar (a level 3 answer): ").Append(c.Exemplar.Trim()).Append('\n');
        }
        return text.ToString().TrimEnd();
    }
}
