using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evaluator.Tests.Ai;

/// <summary>Reads the judge prompt the way a model would, and writes judge replies.</summary>
public static partial class FakeJudge
{
    public static IReadOnlyList<string> CriterionIds(FakeRequest request) =>
        CriterionLine().Matches(request.User).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text between the two delimiter lines.</summary>
    public static string Answer(FakeRequest request)
    {
        var markers = Delimiter().Matches(request.User);
        return request.User[(markers[0].Index + markers[0].Length)..markers[1].Index].Trim('\n');
    }

    public static string Reply(IEnumerable<(string Id, int Level, string[] Evidence)> criteria) =>
        JsonSerializer.Serialize(new { criteria = criteria.Select(c => new { id = c.Id, level = c.Level, evidence = c.Evidence }) });

    /// <summary>Every criterion of the dimension at one level, quoting the same text.</summary>
    public static string Uniform(FakeRequest request, int level, params string[] evidence) =>
        Reply(CriterionIds(request).Select(id => (id, level, evidence)));

    [GeneratedRegex(@"^- id: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex CriterionLine();

    [GeneratedRegex(@"=====ANSWER-[0-9a-f]{16}=====")]
    private static partial Regex Delimiter();
}
