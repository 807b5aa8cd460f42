using YamlDotNet.RepresentationModel;

namespace Evaluator.Rubrics;

/// <summary>
/// Reads typed values out of a YAML node tree and records every problem with its line,
/// so one pass reports all errors in a file instead of stopping at the first.
/// </summary>
internal sealed class YamlNodeReader(string file, List<RubricError> errors)
{
    public void Error(YamlNode node, string message) => errors.Add(new(file, Line(node), message));

    public void Error(int line, string message) => errors.Add(new(file, line, message));

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public YamlMappingNode? AsMapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Error(node, $"{what} must be a mapping (key: value).");
        return null;
    }

    /// <summary>Flags keys that are not in the schema: a typo must not be silently ignored.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                Error(key, $"unknown key '{name}' in {what} (allowed: {string.Join(", ", allowed)}).");
        }
    }

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode? Required(YamlMappingNode map, string key, string what)
    {
        var value = Optional(map, key);
        if (value is null) Error(map, $"{what} is missing required key '{key}'.");
        return value;
    }

    public string String(YamlMappingNode map, string key, string what)
    {
        var node = Required(map, key, what);
        if (node is null) return "";
        return Scalar(node, $"'{key}' of {what}");
    }

    public string Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        Error(node, $"{what} must be a non-empty text.");
        return "";
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, string what)
    {
        var node = Required(map, key, what);
        if (node is null) return [];
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        Error(node, $"'{key}' of {what} must be a list.");
        return [];
    }

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key, string what, int min)
    {
        var items = Sequence(map, key, what).Select(n => Scalar(n, $"an item of '{key}' in {what}")).ToList();
        if (items.Count < min && Optional(map, key) is YamlSequenceNode node)
            Error(node, $"'{key}' of {what} needs at least {min} item(s).");
        return items;
    }

    public IReadOnlyDictionary<int, string> Levels(YamlMappingNode map, string what, int from, int to)
    {
        var node = Required(map, "levels", what);
        var levels = new Dictionary<int, string>();
        if (node is null) return levels;
        if (AsMapping(node, $"'levels' of {what}") is not { } levelMap) return levels;
        foreach (var (key, value) in levelMap.Children)
        {
            if (!int.TryParse((key as YamlScalarNode)?.Value, out var level) || level < from || level > to)
            {
                Error(key, $"level keys of {what} must be {from} to {to}.");
                continue;
            }
            levels[level] = Scalar(value, $"level {level} of {what}");
        }
        for (var level = from; level <= to; level++)
            if (!levels.ContainsKey(level)) Error(node, $"{what} is missing level {level}.");
        return levels;
    }

    /// <summary>Reports ids that occur more than once, at the line of each repeat.</summary>
    public void RejectDuplicates(IEnumerable<(string Id, YamlNode Node)> items, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, node) in items)
            if (id.Length > 0 && !seen.Add(id)) Error(node, $"duplicate {what} id '{id}'.");
    }
}
