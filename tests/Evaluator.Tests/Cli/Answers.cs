using System.Text.Json;

namespace Evaluator.Tests.Cli;

/// <summary>Sample answers and JSONL lines for the news-feed case.</summary>
public static class Answers
{
    public const string NewsFeed =
        """
        We optimise for meaningful interactions: likes, comments and shares, weighting comments higher.
        Offline we measure ROC-AUC and log loss per head on the most recent week, held out by time.
        Training examples come from impression logs; a like within 24 hours is a positive label.
        A multi-task neural network with shared layers and one head per reaction type.
        Serving: candidate generation gathers about 1,500 posts, a light ranker then the heavy ranker, within 100 ms.
        Monitoring: dashboards of feature drift with alerts, and calibration checks per head.
        """;

    public static string Line(string id, string caseId, string answer, object? labels = null) =>
        JsonSerializer.Serialize(labels is null
            ? new Dictionary<string, object> { ["id"] = id, ["case"] = caseId, ["answer"] = answer }
            : new Dictionary<string, object> { ["id"] = id, ["case"] = caseId, ["answer"] = answer, ["labels"] = labels });
}
