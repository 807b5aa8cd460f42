using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evaluator.Rubrics;

/// <summary>
/// Loads rubrics/framework.yaml and one YAML file per case, validating everything.
/// Every problem is collected as file:line: message; nothing half-valid is returned.
/// </summary>
public static class RubricLoader
{
    public const string FrameworkFileName = "framework.yaml";

    /// <summary>Loads a rubric folder or throws with all of its errors.</summary>
    public static RubricSet LoadFolder(string folder)
    {
        var (set, errors) = TryLoadFolder(folder);
        return errors.Count > 0 || set is null ? throw new RubricValidationException(errors) : set;
    }

    public static (RubricSet? Set, IReadOnlyList<RubricError> Errors) TryLoadFolder(string folder)
    {
        var errors = new List<RubricError>();
        var frameworkPath = Path.Combine(folder, FrameworkFileName);
        if (!File.Exists(frameworkPath))
            return (null, [new RubricError(frameworkPath, 0, "framework file not found.")]);

        var framework = ParseFramework(File.ReadAllText(frameworkPath), frameworkPath, errors);
        var cases = new List<CaseRubric>();
        var caseFiles = Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Where(f => Path.GetFileName(f) != FrameworkFileName)
            .Order(StringComparer.Ordinal);
        foreach (var path in caseFiles)
        {
            if (framework is null) break;
            if (ParseCase(File.ReadAllText(path), path, framework, errors) is { } rubric) cases.Add(rubric);
        }
        foreach (var dup in cases.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().SourcePath, 1, $"case id '{dup.Key}' is also defined in {dup.First().SourcePath}."));

        return errors.Count > 0 || framework is null ? (null, errors) : (new RubricSet(framework, cases), errors);
    }

    /// <summary>"about: problem" or "about: design" (the default).</summary>
    private static bool About(YamlNodeReader reader, YamlNode node, string what)
    {
        var value = reader.Scalar(node, $"'about' of {what}");
        if (value is not ("problem" or "design" or "")) reader.Error(node, $"'about' of {what} must be 'problem' or 'design', not '{value}'.");
        return value == "problem";
    }

    public static Framework? ParseFramework(string yaml, string file, List<RubricError> errors)
    {
        var reader = new YamlNodeReader(file, errors);
        if (Root(yaml, file, errors, reader) is not { } root) return null;
        var before = errors.Count;
        reader.RejectUnknownKeys(root, "the framework", "version", "dimensions", "steps");
        var version = reader.String(root, "version", "the framework");

        var dimensionNodes = reader.Sequence(root, "dimensions", "the framework");
        var dimensions = new List<DimensionDefinition>();
        foreach (var node in dimensionNodes)
        {
            if (reader.AsMapping(node, "a dimension") is not { } map) continue;
            reader.RejectUnknownKeys(map, "a dimension", "id", "title", "weight", "description", "levels", "aliases", "mentions", "about");
            var id = reader.String(map, "id", "a dimension");
            var what = $"dimension '{id}'";
            var weightText = reader.String(map, "weight", what);
            if (!double.TryParse(weightText, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight <= 0)
                reader.Error(map, $"'weight' of {what} must be a positive number.");
            dimensions.Add(new(id, reader.String(map, "title", what), weight, reader.String(map, "description", what),
                reader.Levels(map, what, 0, 3))
            {
                Aliases = YamlNodeReader.Optional(map, "aliases") is null ? [] : reader.StringList(map, "aliases", what, 1),
                Mentions = YamlNodeReader.Optional(map, "mentions") is null ? [] : reader.StringList(map, "mentions", what, 1),
                AboutProblem = YamlNodeReader.Optional(map, "about") is { } about && About(reader, about, what),
            });
            if (id.Length > 0 && !Dimensions.All.Contains(id))
                reader.Error(map, $"unknown dimension '{id}' (expected: {string.Join(", ", Dimensions.All)}).");
        }
        reader.RejectDuplicates(dimensions.Zip(dimensionNodes, (d, n) => (d.Id, n)), "dimension");
        foreach (var missing in Dimensions.All.Except(dimensions.Select(d => d.Id)))
            reader.Error(root, $"the framework is missing dimension '{missing}'.");

        var stepNodes = reader.Sequence(root, "steps", "the framework");
        var steps = new List<StepDefinition>();
        foreach (var node in stepNodes)
        {
            if (reader.AsMapping(node, "a step") is not { } map) continue;
            reader.RejectUnknownKeys(map, "a step", "id", "title", "intro", "dimensions");
            var id = reader.String(map, "id", "a step");
            var what = $"step '{id}'";
            var dims = reader.StringList(map, "dimensions", what, 1);
            foreach (var d in dims.Where(d => d.Length > 0 && !Dimensions.All.Contains(d)))
                reader.Error(map, $"{what} names unknown dimension '{d}'.");
            steps.Add(new(id, reader.String(map, "title", what), reader.String(map, "intro", what), dims));
        }
        reader.RejectDuplicates(steps.Zip(stepNodes, (s, n) => (s.Id, n)), "step");

        return errors.Count > before ? null : new Framework(version, dimensions, steps);
    }

    /// <summary>Parses one case file against the framework; null when it has errors (added to the list).</summary>
    public static CaseRubric? ParseCase(string yaml, string file, Framework framework, List<RubricError> errors)
    {
        var reader = new YamlNodeReader(file, errors);
        if (Root(yaml, file, errors, reader) is not { } root) return null;
        var before = errors.Count;
        reader.RejectUnknownKeys(root, "a case", "id", "title", "version", "prompt", "facts", "dimensions");
        var id = reader.String(root, "id", "the case");
        var stem = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && stem != id && !string.IsNullOrEmpty(Path.GetExtension(file)))
            reader.Error(root, $"case id '{id}' must match its file name '{stem}'.");

        var factNodes = reader.Sequence(root, "facts", "the case");
        var facts = new List<Fact>();
        foreach (var node in factNodes)
        {
            if (reader.AsMapping(node, "a fact") is not { } map) continue;
            reader.RejectUnknownKeys(map, "a fact", "id", "triggers", "answer");
            var factId = reader.String(map, "id", "a fact");
            var what = $"fact '{factId}'";
            facts.Add(new(factId, reader.StringList(map, "triggers", what, 1), reader.String(map, "answer", what)));
        }
        reader.RejectDuplicates(facts.Zip(factNodes, (f, n) => (f.Id, n)), "fact");

        var dimensions = new Dictionary<string, IReadOnlyList<Criterion>>();
        var criterionNodes = new List<(string Id, YamlNode Node)>();
        if (reader.Required(root, "dimensions", "the case") is { } dimsNode
            && reader.AsMapping(dimsNode, "'dimensions'") is { } dimsMap)
        {
            reader.RejectUnknownKeys(dimsMap, "'dimensions'", [.. framework.Dimensions.Select(d => d.Id)]);
            foreach (var dimension in framework.Dimensions.Select(d => d.Id))
            {
                var list = reader.Sequence(dimsMap, dimension, "'dimensions'");
                if (list.Count == 0 && YamlNodeReader.Optional(dimsMap, dimension) is { } empty)
                    reader.Error(empty, $"dimension '{dimension}' needs at least one criterion.");
                var criteria = new List<Criterion>();
                foreach (var node in list)
                {
                    if (ParseCriterion(node, dimension, reader) is not { } criterion) continue;
                    criteria.Add(criterion);
                    criterionNodes.Add((criterion.Id, node));
                }
                dimensions[dimension] = criteria;
            }
        }
        reader.RejectDuplicates(criterionNodes, "criterion");

        return errors.Count > before
            ? null
            : new CaseRubric(id, reader.String(root, "title", "the case"), reader.String(root, "version", "the case"),
                reader.String(root, "prompt", "the case"), facts, dimensions, file);
    }

    private static Criterion? ParseCriterion(YamlNode node, string dimension, YamlNodeReader reader)
    {
        if (reader.AsMapping(node, $"a criterion of '{dimension}'") is not { } map) return null;
        reader.RejectUnknownKeys(map, "a criterion", "id", "description", "levels", "concepts", "probes", "exemplar");
        var id = reader.String(map, "id", $"a criterion of '{dimension}'");
        var what = $"criterion '{id}'";
        var concepts = new List<IReadOnlyList<string>>();
        foreach (var group in reader.Sequence(map, "concepts", what))
        {
            if (group is not YamlSequenceNode terms || terms.Children.Count == 0)
            {
                reader.Error(group, $"each concept group of {what} must be a non-empty list of phrasings.");
                continue;
            }
            concepts.Add(terms.Children.Select(t => reader.Scalar(t, $"a concept phrasing of {what}")).ToList());
        }
        if (concepts.Count == 0 && YamlNodeReader.Optional(map, "concepts") is { } conceptsNode)
            reader.Error(conceptsNode, $"{what} needs at least one concept group.");
        return new Criterion(id, reader.String(map, "description", what), reader.Levels(map, what, 1, 3), concepts,
            reader.StringList(map, "probes", what, 1), reader.String(map, "exemplar", what));
    }

    /// <summary>The line where the last YAML event that could be read ends: where reading broke off.</summary>
    private static int LastReadableLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext()) line = (int)parser.Current!.End.Line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Where it broke off is all this is for.
        }
        return line;
    }

    private static YamlMappingNode? Root(string yaml, string file, List<RubricError> errors, YamlNodeReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new(file, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some unclosed flow collections ("description: [unclosed") with no position.
            errors.Add(new(file, LastReadableLine(yaml), "invalid YAML: it cannot be read from here on (is a '[', '{' or quote left open?)."));
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            errors.Add(new(file, 1, "the file is empty."));
            return null;
        }
        return reader.AsMapping(stream.Documents[0].RootNode, "the file");
    }
}
