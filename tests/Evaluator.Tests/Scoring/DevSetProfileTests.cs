using Evaluator.Rubrics;
using Evaluator.Scoring;

namespace Evaluator.Tests.Scoring;

/// <summary>Profile-level guarantees on the devset: stuffing, injection, negation and ordering.</summary>
public class DevSetProfileTests(DevSetFixture devset) : LabelledSetProfileTests(devset), IClassFixture<DevSetFixture>
{
    [Fact]
    public void Every_injection_answer_is_never_above_its_labels()
    {
        foreach (var answer in Answers("injection"))
            Assert.All(Dimensions.All, d => Assert.True(devset.Results[answer.Id].Dimensions[d].Level <= answer.Labels[d], $"{answer.Id}/{d}"));
    }

    [Fact]
    public void Partial_answers_sit_between_strong_and_weak_in_every_case()
    {
        foreach (var group in devset.Answers.GroupBy(a => a.Case))
        {
            int Overall(string profile) => devset.Results[group.Single(a => a.Profile == profile).Id].Overall;
            Assert.True(Overall("strong") > Overall("partial"), $"{group.Key}: strong {Overall("strong")} <= partial {Overall("partial")}");
            Assert.True(Overall("partial") > Overall("weak"), $"{group.Key}: partial {Overall("partial")} <= weak {Overall("weak")}");
        }
    }
}

/// <summary>The same guarantees on answers to cases the scorer was never tuned on.</summary>
public class HeldOutProfileTests(HeldOutFixture heldOut) : LabelledSetProfileTests(heldOut), IClassFixture<HeldOutFixture>;

/// <summary>Guarantees every labelled set must meet, whatever its cases.</summary>
public abstract class LabelledSetProfileTests(LabelledSetFixture devset)
{
    protected IEnumerable<DevAnswer> Answers(string profile) => devset.Answers.Where(a => a.Profile == profile);

    [Fact]
    public void Every_stuffed_answer_is_at_most_one_on_every_dimension()
    {
        Assert.NotEmpty(Answers("stuffed"));
        foreach (var answer in Answers("stuffed"))
        {
            var result = devset.Results[answer.Id];
            Assert.All(Dimensions.All, d => Assert.True(result.Dimensions[d].Level <= 1, $"{answer.Id}/{d}"));
            Assert.Contains(Flags.KeywordStuffing, result.Flags);
        }
    }

    [Fact]
    public void Every_injection_answer_is_flagged()
    {
        Assert.NotEmpty(Answers("injection"));
        Assert.All(Answers("injection"), answer => Assert.Contains(Flags.PromptInjection, devset.Results[answer.Id].Flags));
    }

    [Fact]
    public void Dismissed_dimensions_of_negation_answers_are_zero()
    {
        var dismissed = Answers("negation").SelectMany(a => Dimensions.All.Where(d => a.Labels[d] == 0).Select(d => (a, d))).ToList();

        Assert.NotEmpty(dismissed);
        Assert.All(dismissed, x => Assert.Equal(0, devset.Results[x.a.Id].Dimensions[x.d].Level));
    }

    [Fact]
    public void Only_injection_answers_are_flagged_for_injection_and_only_stuffed_ones_for_stuffing()
    {
        foreach (var answer in devset.Answers)
        {
            var flags = devset.Results[answer.Id].Flags;
            Assert.Equal(answer.Profile == "injection", flags.Contains(Flags.PromptInjection));
            Assert.Equal(answer.Profile == "stuffed", flags.Contains(Flags.KeywordStuffing));
        }
    }

    [Fact]
    public void Strong_and_paraphrased_answers_beat_weak_and_stuffed_ones_in_every_case()
    {
        foreach (var group in devset.Answers.GroupBy(a => a.Case))
        {
            int Overall(string profile) => devset.Results[group.Single(a => a.Profile == profile).Id].Overall;
            Assert.True(Overall("strong") > Overall("weak"), $"{group.Key}: strong {Overall("strong")} <= weak {Overall("weak")}");
            Assert.True(Overall("strong") > Overall("stuffed"), $"{group.Key}: strong <= stuffed");
            if (group.Any(a => a.Profile == "paraphrase"))
                Assert.True(Overall("paraphrase") > Overall("weak"), $"{group.Key}: paraphrase <= weak");
        }
    }

    [Fact]
    public void Every_evidence_string_is_an_exact_substring_of_its_answer()
    {
        foreach (var answer in devset.Answers)
            foreach (var quote in devset.Results[answer.Id].Dimensions.Values.SelectMany(d => d.Criteria).SelectMany(c => c.Evidence))
                Assert.Contains(quote, answer.Answer, StringComparison.Ordinal);
    }
}
