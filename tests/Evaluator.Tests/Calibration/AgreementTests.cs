using Evaluator.Calibration;

namespace Evaluator.Tests.Calibration;

public class AgreementTests
{
    [Fact]
    public void Identical_levels_have_kappa_one()
    {
        var kappa = Agreement.QuadraticWeightedKappa([0, 1, 2, 3], [0, 1, 2, 3]);

        Assert.Equal(1.0, kappa, 10);
    }

    [Fact]
    public void Kappa_matches_a_hand_computed_value()
    {
        // Observed weighted disagreement 1/9, expected (2*3/4)/9 + (2*1/4)/9 = 2/9: kappa = 1 - 1/2.
        var kappa = Agreement.QuadraticWeightedKappa([0, 0, 1, 1], [0, 1, 1, 1]);

        Assert.Equal(0.5, kappa, 10);
    }

    [Fact]
    public void Opposite_extremes_have_kappa_minus_one()
    {
        var kappa = Agreement.QuadraticWeightedKappa([0, 3], [3, 0]);

        Assert.Equal(-1.0, kappa, 10);
    }

    [Fact]
    public void Kappa_of_one_shared_constant_level_is_one()
    {
        Assert.Equal(1.0, Agreement.QuadraticWeightedKappa([2, 2, 2], [2, 2, 2]));
    }

    [Fact]
    public void Spearman_gives_ties_their_average_rank()
    {
        // Ranks x = 1, 2.5, 2.5, 4 and y = 1, 3, 2, 4: rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10).
        var rho = Agreement.Spearman([1, 2, 2, 3], [1, 3, 2, 4]);

        Assert.Equal(3 / Math.Sqrt(10), rho, 10);
    }

    [Fact]
    public void Spearman_of_reversed_order_is_minus_one()
    {
        Assert.Equal(-1.0, Agreement.Spearman([1.0, 2.0, 3.0], [30.0, 20.0, 10.0]), 10);
    }

    [Fact]
    public void Spearman_of_a_constant_side_is_undefined()
    {
        Assert.True(double.IsNaN(Agreement.Spearman([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void Confusion_matrix_counts_human_rows_by_predicted_columns()
    {
        var matrix = Agreement.ConfusionMatrix([0, 0, 1, 3, 3], [0, 1, 1, 2, 3]);

        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 1]);
        Assert.Equal(1, matrix[3, 2]);
        Assert.Equal(1, matrix[3, 3]);
        Assert.Equal(5, matrix.Cast<int>().Sum());
    }

    [Fact]
    public void Exact_agreement_is_the_share_of_equal_pairs()
    {
        Assert.Equal(0.6, Agreement.ExactAgreement([0, 1, 2, 3, 3], [0, 1, 2, 2, 1]), 10);
    }

    [Fact]
    public void Level_outside_the_scale_is_rejected_with_its_index()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.ConfusionMatrix([0, 4], [0, 1]));

        Assert.Contains("Item 1 has level 4", error.Message);
    }

    [Fact]
    public void Sides_of_different_length_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Agreement.QuadraticWeightedKappa([0, 1], [0]));
    }
}
