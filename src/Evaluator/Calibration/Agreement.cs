namespace Evaluator.Calibration;

/// <summary>
/// Agreement between predicted and human levels (0-3): quadratic-weighted kappa, Spearman rank
/// correlation (ties get average ranks) and the confusion matrix. Pure functions, no state.
/// </summary>
public static class Agreement
{
    public const int MinLevel = 0;
    public const int MaxLevel = 3;

    /// <summary>
    /// Cohen's kappa with quadratic weights over levels <paramref name="minLevel"/>..<paramref name="maxLevel"/>.
    /// 1 is perfect agreement, 0 chance agreement. When both raters use one single level, expected
    /// disagreement is zero: the result is 1 if they agree and 0 otherwise.
    /// </summary>
    public static double QuadraticWeightedKappa(IReadOnlyList<int> human, IReadOnlyList<int> predicted,
        int minLevel = MinLevel, int maxLevel = MaxLevel)
    {
        CheckPairs(human, predicted);
        var matrix = ConfusionMatrix(human, predicted, minLevel, maxLevel);
        var k = maxLevel - minLevel + 1;
        var n = (double)human.Count;
        var rowTotals = new double[k];
        var colTotals = new double[k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                rowTotals[i] += matrix[i, j];
                colTotals[j] += matrix[i, j];
            }

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                var weight = (double)(i - j) * (i - j) / ((k - 1) * (k - 1));
                observed += weight * matrix[i, j];
                expected += weight * rowTotals[i] * colTotals[j] / n;
            }
        if (expected == 0) return observed == 0 ? 1.0 : 0.0;
        return 1.0 - observed / expected;
    }

    /// <summary>
    /// Spearman's rho: Pearson correlation of the ranks, ties given their average rank.
    /// NaN when either side is constant (the correlation is undefined).
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <inheritdoc cref="Spearman(IReadOnlyList{double}, IReadOnlyList{double})"/>
    public static double Spearman(IReadOnlyList<int> x, IReadOnlyList<int> y) =>
        Spearman(x.Select(v => (double)v).ToList(), y.Select(v => (double)v).ToList());

    /// <summary>Counts [human - minLevel, predicted - minLevel]: rows are the human levels.</summary>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> human, IReadOnlyList<int> predicted,
        int minLevel = MinLevel, int maxLevel = MaxLevel)
    {
        CheckPairs(human, predicted);
        if (maxLevel <= minLevel) throw new ArgumentException("maxLevel must be above minLevel.", nameof(maxLevel));
        var matrix = new int[maxLevel - minLevel + 1, maxLevel - minLevel + 1];
        for (var i = 0; i < human.Count; i++)
        {
            CheckLevel(human[i], minLevel, maxLevel, nameof(human), i);
            CheckLevel(predicted[i], minLevel, maxLevel, nameof(predicted), i);
            matrix[human[i] - minLevel, predicted[i] - minLevel]++;
        }
        return matrix;
    }

    /// <summary>Share of pairs with exactly the same level.</summary>
    public static double ExactAgreement(IReadOnlyList<int> human, IReadOnlyList<int> predicted)
    {
        CheckPairs(human, predicted);
        return (double)human.Zip(predicted).Count(p => p.First == p.Second) / human.Count;
    }

    /// <summary>1-based ranks; tied values share the mean of the ranks they span.</summary>
    internal static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++) ranks[order[i]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double cov = 0, varX = 0, varY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            cov += (x[i] - meanX) * (y[i] - meanY);
            varX += (x[i] - meanX) * (x[i] - meanX);
            varY += (y[i] - meanY) * (y[i] - meanY);
        }
        return varX == 0 || varY == 0 ? double.NaN : cov / Math.Sqrt(varX * varY);
    }

    private static void CheckPairs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
            throw new ArgumentException($"Both sides need the same number of items ({a.Count} vs {b.Count}).");
        if (a.Count == 0) throw new ArgumentException("At least one pair is needed.");
    }

    private static void CheckLevel(int level, int min, int max, string side, int index)
    {
        if (level < min || level > max)
            throw new ArgumentOutOfRangeException(side, $"Item {index} has level {level}; levels run {min} to {max}.");
    }
}
