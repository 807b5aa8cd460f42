namespace Evaluator.Scoring;

/// <summary>A concept group of a criterion found in a unit.</summary>
internal readonly record struct ConceptHit(int Criterion, int Group);

/// <summary>What the grader needs to know about one unit, computed once per answer.</summary>
internal sealed class UnitFeatures
{
    public int TokenStart { get; init; }
    public int TokenEnd { get; init; }
    public int Words => TokenEnd - TokenStart;

    public List<ConceptHit> Concepts { get; } = [];

    /// <summary>Words of the unit inside a concept match.</summary>
    public int Covered { get; set; }
    public List<int> Mentions { get; } = [];

    /// <summary>Bit d set: the unit, or its paragraph, is about dimension d (<see cref="UnitTopics"/>).</summary>
    public int Topics { get; set; }

    public bool IsAbout(int dimension) => (Topics & (1 << dimension)) != 0;

    /// <summary>
    /// Bit d set: the unit is about dimension d by more than a remark in passing, which is one of d's concept groups
    /// beside as many of another dimension's, in a paragraph about something else ("we keep a tenth of the non-clicks,
    /// so the probability is recalibrated, or the auction overcharges" touches serving; it is about data).
    /// </summary>
    public int Focus { get; set; }

    public bool IsFocusedOn(int dimension) => (Focus & (1 << dimension)) != 0;

    /// <summary>
    /// Bit d set: the unit states the problem rather than designing dimension d: in a paragraph whose concept groups are
    /// mostly the problem's (requirements) and that never names d, it has two of the problem's groups or more, no more of
    /// d's, and does not open with the candidate's plan.
    /// </summary>
    public int StatesProblem { get; set; }

    public bool StatesProblemFor(int dimension) => (StatesProblem & (1 << dimension)) != 0;

    /// <summary>Dimensions the unit names by one of their aliases ("monitoring"), not by a part of them ("retraining").</summary>
    public List<int> Aliases { get; } = [];

    /// <summary>Dimensions the unit names explicitly ("good metrics would be ..."), by specific aliases only.</summary>
    public List<int> Names { get; } = [];

    /// <summary>Numbers and quantities ("~115 panoramas/s", "99%", "a few hundred").</summary>
    public double Numbers { get; set; }

    /// <summary>Named concrete choices: acronyms and technical names not already counted as concepts.</summary>
    public int Named { get; set; }

    /// <summary>Distinct words of this case's own vocabulary outside concept matches.</summary>
    public int CaseWords { get; set; }

    /// <summary>Reasons, contrasts, costs and failure modes (comparatives weigh half).</summary>
    public double Reasons { get; set; }

    public int Vague { get; set; }

    /// <summary>Almost every content word comes from the case's prompt: the sentence restates the question.</summary>
    public bool RestatesPrompt { get; set; }

    /// <summary>Most of the unit's word pairs come from the rubric's own wording (levels, probes, descriptions).</summary>
    public bool CopiesRubric { get; set; }

    /// <summary>The unit opens with what the candidate will build or use: "I would train a classifier", "Then we can use a CNN".</summary>
    public bool Plan { get; set; }


    /// <summary>Distinct concept groups matched for the criterion with this index.</summary>
    public int GroupsOf(int criterion)
    {
        var count = 0;
        ulong seen = 0;
        foreach (var hit in Concepts)
        {
            if (hit.Criterion != criterion) continue;
            var bit = 1UL << hit.Group;
            if ((seen & bit) != 0) continue;
            seen |= bit;
            count++;
        }
        return count;
    }
}
