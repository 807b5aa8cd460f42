using System.Text.RegularExpressions;
using Evaluator.Rubrics;

namespace Evaluator.Tests.Hubs;

/// <summary>
/// A candidate who asks about every fact, asks one thing no fact covers, then gives each step a vague answer
/// followed by one that names the step's concepts, and asks to move on at the model step.
/// </summary>
public sealed partial class ScriptedCandidate(RubricSet rubrics, CaseRubric rubric)
{
    private readonly Queue<string> questions = new(
        rubric.Facts.Select(f => $"A clarifying question first: {f.Triggers[0]}?").Append("What colour is the company logo?"));
    private readonly HashSet<string> vagueGiven = [];

    public string Next(string step)
    {
        if (questions.TryDequeue(out var question)) return question;
        if (step == "model" && vagueGiven.Add(step)) return "Let's move on.";
        if (vagueGiven.Add(step)) return "I would think carefully about this part and keep it simple at first.";
        var definition = rubrics.Framework.Steps.First(s => s.Id == step);
        var criteria = definition.Dimensions.SelectMany(d => rubric.Dimensions[d]).ToList();
        return string.Join(" ", criteria.Select(c => $"For {c.Description.TrimEnd('.').ToLowerInvariant()}, I would use {c.Concepts[0][0]}: {c.Exemplar.Trim()}"));
    }

    /// <summary>Every number the interviewer may say: the ones in the case's prompt, facts and probes, the framework, and the turn budget.</summary>
    public static IReadOnlySet<string> AllowedNumbers(RubricSet rubrics, CaseRubric rubric, int maxTurns)
    {
        var sources = new List<string> { rubric.Prompt, rubric.Title, maxTurns.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        sources.AddRange(rubric.Facts.Select(f => f.Answer));
        sources.AddRange(rubric.AllCriteria().SelectMany(c => c.Criterion.Probes));
        sources.AddRange(rubrics.Framework.Steps.Select(s => s.Title + " " + s.Intro));
        return sources.SelectMany(Numbers).ToHashSet();
    }

    public static IEnumerable<string> Numbers(string text) => Number().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();
}
