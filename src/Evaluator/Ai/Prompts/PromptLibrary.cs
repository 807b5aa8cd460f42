using System.Collections.Concurrent;
using Evaluator.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Ai;

/// <summary>
/// Prompt files from Prompts:Path as kernel functions. A file is re-read when its timestamp or size changes,
/// so editing a prompt needs no rebuild or restart.
/// </summary>
public sealed class PromptLibrary(IOptions<PromptOptions> options)
{
    public const string Extension = ".prompt";

    private readonly ConcurrentDictionary<string, Loaded> cache = new(StringComparer.Ordinal);

    public string Folder => ContentPaths.Resolve(options.Value.Path, "prompts");

    public KernelFunction Get(string name)
    {
        var path = Path.Combine(Folder, name + Extension);
        var file = new FileInfo(path);
        if (!file.Exists) throw new PromptFileException($"Prompt '{name}' not found: {path} (set Prompts:Path to the prompts folder).");
        if (cache.TryGetValue(name, out var loaded) && loaded.Stamp == file.LastWriteTimeUtc && loaded.Length == file.Length)
            return loaded.Function;

        var config = PromptFile.Parse(File.ReadAllText(path), path);
        var function = KernelFunctionFactory.CreateFromPrompt(config);
        cache[name] = new Loaded(file.LastWriteTimeUtc, file.Length, function);
        return function;
    }

    private sealed record Loaded(DateTime Stamp, long Length, KernelFunction Function);
}
