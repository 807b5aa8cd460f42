namespace Evaluator.Ai;

/// <summary>Section "Ai": which scorer and interviewer run, and the model settings they need.</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>local | onnx | llm.</summary>
    public string Scorer { get; set; } = "local";

    /// <summary>local | llm.</summary>
    public string Interviewer { get; set; } = "local";

    public LlmOptions Llm { get; set; } = new();

    public OnnxOptions Onnx { get; set; } = new();

    internal bool UsesLlm =>
        string.Equals(Scorer, "llm", StringComparison.Ordinal) || string.Equals(Interviewer, "llm", StringComparison.Ordinal);

    internal bool UsesOnnx => string.Equals(Scorer, "onnx", StringComparison.Ordinal);
}

/// <summary>Section "Ai:Llm": the chat model reached through Semantic Kernel's OpenAI connectors.</summary>
public sealed class LlmOptions
{
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    /// <summary>openai | azure-openai | openai-compatible.</summary>
    public string Provider { get; set; } = OpenAI;

    /// <summary>Model id (openai, openai-compatible); for azure-openai only reported in telemetry.</summary>
    public string? Model { get; set; }

    /// <summary>azure-openai: the deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>azure-openai: https://NAME.openai.azure.com; openai-compatible: the base URL, e.g. http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>From the environment (Ai__Llm__ApiKey) or a secret store; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Limit for one HTTP attempt.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Limit for one model call including its retries.</summary>
    public double TotalTimeoutSeconds { get; set; } = 180;

    /// <summary>Retries after a 408, 429, 5xx or timeout; Retry-After is honoured.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; it doubles with each retry (with jitter).</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Seconds the circuit stays open after too many failed calls.</summary>
    public double CircuitBreakSeconds { get; set; } = 30;

    /// <summary>Judge calls per dimension; above 1 the median level per criterion is kept.</summary>
    public int Samples { get; set; } = 1;

    /// <summary>The model's context window in tokens (prompt plus reply).</summary>
    public int ContextTokens { get; set; } = 128_000;

    /// <summary>Tokens reserved for the reply.</summary>
    public int MaxOutputTokens { get; set; } = 2_000;

    /// <summary>Send a JSON schema as response_format (structured outputs); off for servers that reject it.</summary>
    public bool JsonSchema { get; set; } = true;
}

/// <summary>Section "Ai:Onnx": the local sentence-embedding model.</summary>
public sealed class OnnxOptions
{
    /// <summary>Catalogue name of the model, as given to `evaluator models pull`.</summary>
    public string Model { get; set; } = "all-minilm-l6-v2";

    /// <summary>Folder holding one sub-folder per pulled model.</summary>
    public string ModelsPath { get; set; } = "models";

    /// <summary>Explicit model.onnx; empty means ModelsPath/Model/model.onnx.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Explicit vocab.txt; empty means next to the model.</summary>
    public string? VocabPath { get; set; }

    /// <summary>Longest input in tokens; longer sentences are truncated.</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Sentences per ONNX Runtime call.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Cosine similarity from which an answer sentence counts as a paraphrase of a criterion.</summary>
    public double SimilarityThreshold { get; set; } = 0.6;

    /// <summary>Download sources by model name; replaces the pinned catalogue entry (mirrors, tests).</summary>
    public Dictionary<string, List<ModelDownload>> Downloads { get; set; } = [];

    internal string ModelFile => string.IsNullOrWhiteSpace(ModelPath) ? Path.Combine(ModelsPath, Model, "model.onnx") : ModelPath;

    internal string VocabFile => string.IsNullOrWhiteSpace(VocabPath)
        ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ModelFile))!, "vocab.txt")
        : VocabPath;
}

/// <summary>One file to fetch: a plain file, or a .tar.gz whose model.onnx and vocab.txt are kept.</summary>
public sealed class ModelDownload
{
    public string Url { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>Name to save a plain file as (model.onnx, vocab.txt); empty for a .tar.gz archive.</summary>
    public string? FileName { get; set; }
}

/// <summary>Section "Prompts".</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>Folder with the prompt templates; empty means ./prompts or the shipped copy.</summary>
    public string? Path { get; set; }
}
