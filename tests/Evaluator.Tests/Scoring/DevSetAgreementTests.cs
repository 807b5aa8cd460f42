using Evaluator.Calibration;
using Evaluator.Rubrics;
using Xunit.Abstractions;

namespace Evaluator.Tests.Scoring;

/// <summary>The local scorer against the hand-labelled devset (levels per dimension).</summary>
public class DevSetAgreementTests(DevSetFixture devset, ITestOutputHelper output)
    : LabelledSetAgreementTests(devset, output), IClassFixture<DevSetFixture>;

/// <summary>The same bar on answers to cases the scorer was never tuned on.</summary>
public class HeldOutAgreementTests(HeldOutFixture heldOut, ITestOutputHelper output)
    : LabelledSetAgreementTests(heldOut, output), IClassFixture<HeldOutFixture>;

public abstract class LabelledSetAgreementTests(LabelledSetFixture devset, ITestOutputHelper output)
{
    [Fact]
    public void Quadratic_weighted_kappa_over_all_dimensions_is_at_least_0_70()
    {
        var human = new List<int>();
        var predicted = new List<int>();
        foreach (var answer in devset.Answers)
            foreach (var dimension in Dimensions.All)
            {
                human.Add(answer.Labels[dimension]);
                predicted.Add(devset.Results[answer.Id].Dimensions[dimension].Level);
            }

        var kappa = Agreement.QuadraticWeightedKappa(human, predicted);

        Report(kappa);
        Assert.True(kappa >= 0.70, $"QWK {kappa:F3} is below 0.70.");
    }

    private void Report(double overall)
    {
        output.WriteLine($"QWK overall {overall:F3}");
        var all = devset.Answers.SelectMany(a => Dimensions.All.Select(d => (a.Labels[d], devset.Results[a.Id].Dimensions[d].Level))).ToList();
        var matrix = Agreement.ConfusionMatrix(all.Select(p => p.Item1).ToList(), all.Select(p => p.Item2).ToList());
        for (var human = 0; human <= 3; human++)
            output.WriteLine($"  human {human}: " + string.Join(' ', Enumerable.Range(0, 4).Select(p => $"{matrix[human, p],3}")));
        foreach (var dimension in Dimensions.All)
        {
            var human = devset.Answers.Select(a => a.Labels[dimension]).ToList();
            var predicted = devset.Answers.Select(a => devset.Results[a.Id].Dimensions[dimension].Level).ToList();
            output.WriteLine($"  {dimension,-13} QWK {Agreement.QuadraticWeightedKappa(human, predicted):F3}  exact {Agreement.ExactAgreement(human, predicted):F2}");
        }
        foreach (var answer in devset.Answers)
        {
            var result = devset.Results[answer.Id];
            var cells = Dimensions.All.Select(d => $"{answer.Labels[d]}/{result.Dimensions[d].Level}");
            output.WriteLine($"{answer.Id,-26} {answer.Profile,-10} {result.Overall,3} {string.Join(' ', cells)} {string.Join(',', result.Flags)}");
            if (Environment.GetEnvironmentVariable("EVALUATOR_DEVSET_DETAIL") is null) continue;
            var analysis = devset.Scorer.Analyse(devset.Rubrics.Get(answer.Case), answer.Answer);
            if (Environment.GetEnvironmentVariable("EVALUATOR_DEVSET_UNITS") == answer.Id)
                foreach (var unit in analysis.Units)
                    output.WriteLine($"    #{unit.Index} {unit.Kind} b{unit.Block} s={unit.Section} list={unit.ListLike} :: {unit.Text}");
            foreach (var unit in analysis.Units.Where(u => u.Dismisses is not null || u.Injected))
                output.WriteLine($"    [{(unit.Injected ? "inj" : "dis " + unit.Dismisses)}] {unit.Text}");
            foreach (var dimension in Dimensions.All.Where(d => result.Dimensions[d].Level != answer.Labels[d]))
                output.WriteLine($"    {dimension} score {result.Dimensions[dimension].Score}: " + string.Join(' ', result.Dimensions[dimension].Criteria.Select(c => $"{c.Id}={c.Level}")));
            foreach (var dimension in Dimensions.All.Where(d => result.Dimensions[d].Level != answer.Labels[d]))
                foreach (var criterion in result.Dimensions[dimension].Criteria)
                    foreach (var quote in criterion.Evidence)
                        output.WriteLine($"    {dimension}/{criterion.Id} L{criterion.Level}: {quote}");
        }
    }
}
