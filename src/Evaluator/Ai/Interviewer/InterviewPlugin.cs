using System.ComponentModel;
using Evaluator.Interviews;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.SemanticKernel;

namespace Evaluator.Ai;

/// <summary>What the model may look up while wording a reply: nothing it could use to decide, only to phrase.</summary>
public sealed class InterviewPlugin(VoiceRequest request, Framework framework, LocalScorer scorer)
{
    [KernelFunction("case_facts"), Description("The only facts about this case you may tell the candidate (scale, latency, constraints). Never state any other number.")]
    public string CaseFacts() => string.Join('\n', request.Case.Facts.Select(f => $"- {f.Id}: {f.Answer.Trim()}"));

    [KernelFunction("missing_criteria"), Description("Criteria of the current interview step the candidate has not covered yet.")]
    public string MissingCriteria()
    {
        var step = request.Transcript.LastOrDefault(t => t.Role != Roles.Candidate)?.Step;
        var dimensions = framework.Steps.FirstOrDefault(s => s.Id == step)?.Dimensions ?? [];
        var said = string.Join('\n', request.Transcript.Where(t => t.Role == Roles.Candidate).Select(t => t.Text));
        var graded = scorer.Analyzer.GradeAll(scorer.Analyse(request.Case, said));
        var missing = dimensions.SelectMany(d => request.Case.Dimensions.TryGetValue(d, out var list) ? list : [])
            .Where(c => !graded.TryGetValue(c.Id, out var r) || r.Level == 0)
            .Select(c => $"- {c.Id}: {c.Description.Trim()}").ToList();
        return missing.Count > 0 ? string.Join('\n', missing) : "None: the candidate has touched every criterion of this step.";
    }

    [KernelFunction("probes_used"), Description("Follow-up questions already asked in this interview; never ask them again.")]
    public string ProbesUsed()
    {
        var asked = request.Case.AllCriteria().SelectMany(c => c.Criterion.Probes)
            .Where(p => request.Transcript.Any(t => t.Role != Roles.Candidate && t.Text.Contains(p.Trim(), StringComparison.Ordinal)))
            .Select(p => "- " + p.Trim()).ToList();
        return asked.Count > 0 ? string.Join('\n', asked) : "None yet.";
    }
}
