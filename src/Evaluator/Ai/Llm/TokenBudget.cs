using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Evaluator.Ai;

/// <summary>Counts prompt tokens with the o200k encoding and refuses prompts the model's context cannot hold.</summary>
public sealed class TokenBudget(IOptions<AiOptions> options)
{
    public static int Count(string text) => Scoring.O200k.Tokenizer.CountTokens(text);

    /// <summary>Tokens left for the prompt once the reply's share is reserved.</summary>
    public int PromptLimit => options.Value.Llm.ContextTokens - options.Value.Llm.MaxOutputTokens;

    /// <summary>Throws <see cref="PromptTooLongException"/> when the prompt leaves too little room for the reply.</summary>
    public void EnsureFits(string prompt, string function)
    {
        // A BPE token is at least one UTF-8 byte, so a prompt with no more bytes than the limit always fits.
        if (Encoding.UTF8.GetByteCount(prompt) <= PromptLimit) return;
        var tokens = Count(prompt);
        if (tokens > PromptLimit)
            throw new PromptTooLongException(
                $"The {function} prompt is {tokens} tokens, over the {PromptLimit} that fit in Ai:Llm:ContextTokens " +
                $"({options.Value.Llm.ContextTokens}) minus Ai:Llm:MaxOutputTokens ({options.Value.Llm.MaxOutputTokens}); shorten the answer or use a model with a larger context.");
    }
}

/// <summary>The rendered prompt would not fit in the model's context window.</summary>
public sealed class PromptTooLongException(string message) : Exception(message);

/// <summary>Applies <see cref="TokenBudget"/> to every rendered prompt before it is sent.</summary>
internal sealed class PromptBudgetFilter(TokenBudget budget) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context).ConfigureAwait(false);
        budget.EnsureFits(context.RenderedPrompt ?? "", context.Function.Name);
    }
}
