using System.Text.Json;

namespace Evaluator.Ai;

/// <summary>One criterion as the judge graded it, before any check.</summary>
public sealed record JudgedCriterion(string Id, int Level, IReadOnlyList<string> Evidence);

/// <summary>
/// Reads the judge's reply: {"criteria": [{"id", "level", "evidence": [quotes]}]}. Anything else is rejected:
/// unknown or repeated criterion ids, levels outside 0-3, missing fields, other keys.
/// </summary>
public static class JudgeReply
{
    public static IReadOnlyDictionary<string, JudgedCriterion> Parse(string text, IReadOnlyCollection<string> criterionIds)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripFence(text));
        }
        catch (JsonException ex)
        {
            throw new JudgeReplyException("the reply is not JSON: " + ex.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("criteria", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new JudgeReplyException("the reply has no \"criteria\" array.");
            RejectOtherKeys(root, "reply", "criteria");

            var judged = new Dictionary<string, JudgedCriterion>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) throw new JudgeReplyException("a criterion is not an object.");
                RejectOtherKeys(item, "criterion", "id", "level", "evidence");
                var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : throw new JudgeReplyException("a criterion has no string \"id\".");
                if (!criterionIds.Contains(id)) throw new JudgeReplyException($"unknown criterion id '{id}'.");
                if (judged.ContainsKey(id)) throw new JudgeReplyException($"criterion '{id}' appears twice.");
                if (!item.TryGetProperty("level", out var levelValue) || levelValue.ValueKind != JsonValueKind.Number || !levelValue.TryGetInt32(out var level) || level is < 0 or > 3)
                    throw new JudgeReplyException($"criterion '{id}' needs an integer \"level\" from 0 to 3.");
                if (!item.TryGetProperty("evidence", out var evidenceValue) || evidenceValue.ValueKind != JsonValueKind.Array)
                    throw new JudgeReplyException($"criterion '{id}' needs an \"evidence\" array.");
                var evidence = new List<string>();
                foreach (var quote in evidenceValue.EnumerateArray())
                    evidence.Add(quote.ValueKind == JsonValueKind.String ? quote.GetString()! : throw new JudgeReplyException($"criterion '{id}' has evidence that is not a string."));
                judged[id] = new JudgedCriterion(id, level, evidence);
            }
            // A criterion the judge left out is one it found nothing for.
            foreach (var id in criterionIds)
                judged.TryAdd(id, new JudgedCriterion(id, 0, []));
            return judged;
        }
    }

    /// <summary>The response_format schema: the same shape, with this dimension's criterion ids as an enum.</summary>
    public static string Schema(IEnumerable<string> criterionIds) =>
        SchemaTemplate.Replace("\"IDS\"", JsonSerializer.Serialize(criterionIds), StringComparison.Ordinal);

    private const string SchemaTemplate = """
        {"type": "object", "additionalProperties": false, "required": ["criteria"],
         "properties": {"criteria": {"type": "array", "items": {
           "type": "object", "additionalProperties": false, "required": ["id", "level", "evidence"],
           "properties": {
             "id": {"type": "string", "enum": "IDS"},
             "level": {"type": "integer", "enum": [0, 1, 2, 3]},
             "evidence": {"type": "array", "items": {"type": "string"}}}}}}}
        """;

    private static void RejectOtherKeys(JsonElement element, string what, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                throw new JudgeReplyException($"unexpected key '{property.Name}' in the {what}.");
    }

    // Some servers wrap JSON in a Markdown fence even when asked not to.
    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal)) return trimmed;
        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var close = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && close > firstLine ? trimmed[(firstLine + 1)..close] : trimmed;
    }
}

/// <summary>The judge's reply broke the schema.</summary>
public sealed class JudgeReplyException(string message) : Exception(message);
