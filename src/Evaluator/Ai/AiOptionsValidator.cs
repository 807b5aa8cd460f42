using Microsoft.Extensions.Options;

namespace Evaluator.Ai;

/// <summary>Checks Ai:* at start; model settings only when a model is actually used. Messages name the key.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    private static readonly string[] Scorers = ["local", "onnx", "llm"];
    private static readonly string[] Interviewers = ["local", "llm"];
    private static readonly string[] Providers = [LlmOptions.OpenAI, LlmOptions.AzureOpenAI, LlmOptions.OpenAICompatible];

    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = new List<string>();
        if (!Scorers.Contains(options.Scorer, StringComparer.Ordinal))
            errors.Add($"Ai:Scorer must be one of {string.Join(", ", Scorers)}; got '{options.Scorer}'.");
        if (!Interviewers.Contains(options.Interviewer, StringComparer.Ordinal))
            errors.Add($"Ai:Interviewer must be one of {string.Join(", ", Interviewers)}; got '{options.Interviewer}'.");
        if (options.UsesLlm) errors.AddRange(LlmErrors(options.Llm));
        if (options.UsesOnnx) ValidateOnnx(options.Onnx, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>What is wrong with Ai:Llm, key by key; empty when a model can be called.</summary>
    public static List<string> LlmErrors(LlmOptions llm)
    {
        var errors = new List<string>();
        ValidateLlm(llm, errors);
        return errors;
    }

    /// <summary>The settings, or an OptionsValidationException naming every bad key.</summary>
    public static LlmOptions Checked(LlmOptions llm)
    {
        var errors = LlmErrors(llm);
        return errors.Count == 0 ? llm : throw new OptionsValidationException(AiOptions.Section, typeof(AiOptions), errors);
    }

    private static void ValidateLlm(LlmOptions llm, List<string> errors)
    {
        if (!Providers.Contains(llm.Provider, StringComparer.Ordinal))
        {
            errors.Add($"Ai:Llm:Provider must be one of {string.Join(", ", Providers)}; got '{llm.Provider}'.");
            return;
        }
        var azure = llm.Provider == LlmOptions.AzureOpenAI;
        if (azure && string.IsNullOrWhiteSpace(llm.Deployment))
            errors.Add("Ai:Llm:Deployment is required when Ai:Llm:Provider is azure-openai.");
        if (!azure && string.IsNullOrWhiteSpace(llm.Model))
            errors.Add($"Ai:Llm:Model is required when Ai:Llm:Provider is {llm.Provider}.");
        if (llm.Provider != LlmOptions.OpenAI)
        {
            if (string.IsNullOrWhiteSpace(llm.Endpoint))
                errors.Add($"Ai:Llm:Endpoint is required when Ai:Llm:Provider is {llm.Provider}.");
            else if (!Uri.TryCreate(llm.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"Ai:Llm:Endpoint must be an absolute http(s) URL; got '{llm.Endpoint}'.");
        }
        // A local OpenAI-compatible server (Ollama, vLLM, LM Studio) usually needs no key.
        if (llm.Provider != LlmOptions.OpenAICompatible && string.IsNullOrWhiteSpace(llm.ApiKey))
            errors.Add($"Ai:Llm:ApiKey is required when Ai:Llm:Provider is {llm.Provider}; set it in the environment as Ai__Llm__ApiKey.");
        if (llm.TimeoutSeconds <= 0) errors.Add("Ai:Llm:TimeoutSeconds must be greater than 0.");
        if (llm.TotalTimeoutSeconds < llm.TimeoutSeconds) errors.Add("Ai:Llm:TotalTimeoutSeconds must be at least Ai:Llm:TimeoutSeconds.");
        if (llm.MaxRetries is < 0 or > 10) errors.Add("Ai:Llm:MaxRetries must be between 0 and 10.");
        if (llm.RetryDelayMilliseconds < 0) errors.Add("Ai:Llm:RetryDelayMilliseconds must not be negative.");
        if (llm.CircuitBreakSeconds < 0.5) errors.Add("Ai:Llm:CircuitBreakSeconds must be at least 0.5.");
        if (llm.Samples is < 1 or > 9) errors.Add("Ai:Llm:Samples must be between 1 and 9.");
        if (llm.MaxOutputTokens < 16) errors.Add("Ai:Llm:MaxOutputTokens must be at least 16.");
        if (llm.ContextTokens <= llm.MaxOutputTokens) errors.Add("Ai:Llm:ContextTokens must be greater than Ai:Llm:MaxOutputTokens.");
    }

    private static void ValidateOnnx(OnnxOptions onnx, List<string> errors)
    {
        if (onnx.MaxTokens is < 8 or > 512) errors.Add("Ai:Onnx:MaxTokens must be between 8 and 512.");
        if (onnx.BatchSize < 1) errors.Add("Ai:Onnx:BatchSize must be at least 1.");
        if (onnx.SimilarityThreshold is <= 0 or >= 1) errors.Add("Ai:Onnx:SimilarityThreshold must be between 0 and 1.");
        var missing = OnnxModelFiles.Missing(onnx);
        if (missing is not null) errors.Add(missing);
    }
}
