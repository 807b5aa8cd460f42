using System.Globalization;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Evaluator.Ai;

/// <summary>
/// A prompt file: YAML front matter between "---" lines (name, description, input_variables, execution_settings),
/// then the template in Semantic Kernel's own syntax ({{$variable}}, &lt;message role="..."&gt;).
/// </summary>
public static class PromptFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static PromptTemplateConfig Parse(string text, string path)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
            throw new PromptFileException($"{path}:1: a prompt file starts with '---' and its front matter.");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) throw new PromptFileException($"{path}:1: the front matter has no closing '---'.");

        FrontMatter front;
        try
        {
            front = Yaml.Deserialize<FrontMatter?>(string.Join('\n', lines[1..end])) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            throw new PromptFileException($"{path}:{ex.Start.Line + 1}: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(front.Name)) throw new PromptFileException($"{path}:2: the front matter needs a 'name'.");

        var config = new PromptTemplateConfig(string.Join('\n', lines[(end + 1)..]).Trim())
        {
            Name = front.Name,
            Description = front.Description,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
        };
        foreach (var input in front.InputVariables)
            config.InputVariables.Add(new InputVariable
            {
                Name = input.Name, Description = input.Description, IsRequired = input.IsRequired, Default = input.Default,
            });
        foreach (var (serviceId, values) in front.ExecutionSettings)
        {
            var settings = new PromptExecutionSettings { ServiceId = serviceId == PromptExecutionSettings.DefaultServiceId ? null : serviceId, ExtensionData = new Dictionary<string, object>() };
            foreach (var (key, value) in values) settings.ExtensionData[key] = Scalar(value);
            config.AddExecutionSettings(settings, serviceId);
        }
        return config;
    }

    // YAML scalars arrive as strings; the connector expects JSON numbers and booleans.
    private static object Scalar(object value) => value switch
    {
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        string s when bool.TryParse(s, out var b) => b,
        _ => value,
    };

    private sealed class FrontMatter
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<Input> InputVariables { get; set; } = [];
        public Dictionary<string, Dictionary<string, object>> ExecutionSettings { get; set; } = [];
    }

    private sealed class Input
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public bool IsRequired { get; set; } = true;
        public string? Default { get; set; }
    }
}

public sealed class PromptFileException(string message) : Exception(message);
